// argon2_work_area.h: where an Argon2id hash keeps its 19 MiB while it runs.
#pragma once
#include <cstddef>
#include <cstdint>

namespace xueji {

// libargon2's allocate/free callbacks (argon2_context::allocate_cbk, free_cbk). The area is
// mapped for one hash and unmapped after it, so an idle worker holds none of it, and it is
// asked for as 2 MiB transparent huge pages: touching 4,864 fresh 4 KiB pages costs about as
// much as the hash itself under KVM (57 → 80 ms measured), ten huge pages cost almost nothing.
// Where the kernel gives no huge pages the area is ordinary memory and still correct.
int allocate_argon2_work_area(std::uint8_t** memory, std::size_t bytes);
void free_argon2_work_area(std::uint8_t* memory, std::size_t bytes);

}  // namespace xueji

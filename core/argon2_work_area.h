// argon2_work_area.h: where an Argon2id hash keeps its 19 MiB while it runs.
#pragma once
#include <cstddef>
#include <cstdint>

namespace xueji {

// libargon2's allocate/free callbacks (argon2_context::allocate_cbk, free_cbk).
//
// The area is asked for as 2 MiB transparent huge pages: touching 4,864 fresh 4 KiB pages costs
// about as much as the hash itself under KVM (57 → 80 ms measured), ten huge pages almost
// nothing. Where the kernel gives no huge pages the area is ordinary memory and still correct.
//
// After a hash the area stays mapped for the next one (libargon2 has wiped it already): a fresh
// mapping would be zeroed by the kernel again, 5% of a busy login worker's CPU. An idle worker
// gives it back with release_idle_argon2_work_area(), so it holds none of it between bursts.
int allocate_argon2_work_area(std::uint8_t** memory, std::size_t bytes);
void free_argon2_work_area(std::uint8_t* memory, std::size_t bytes);

// Whether an area is kept for the next hash, and unmapping it (when no request is waiting).
bool argon2_work_area_kept();
void release_idle_argon2_work_area();

}  // namespace xueji

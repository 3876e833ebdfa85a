// argon2_work_area.cpp: one mapping per process, aligned and advised for huge pages, kept
// between hashes and given back when the process goes idle.
#include "core/argon2_work_area.h"

#include <argon2.h>
#include <sys/mman.h>

namespace xueji {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

// The kept area (nullptr: none) and its length. A process hashes one password at a time.
std::uint8_t* kept = nullptr;
std::size_t kept_length = 0;
bool kept_in_use = false;

std::size_t mapped_length(std::size_t bytes) {
  return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

std::uint8_t* map_aligned(std::size_t length) {
  // Map one huge page more than needed, then cut both ends so the area starts on a 2 MiB
  // boundary: only aligned ranges can be backed by huge pages.
  void* raw = mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  auto start = reinterpret_cast<std::uintptr_t>(raw);
  std::uintptr_t aligned = (start + kHugePage - 1) & ~(kHugePage - 1);
  if (aligned > start) munmap(raw, aligned - start);
  std::uintptr_t end = start + length + kHugePage;
  if (end > aligned + length) munmap(reinterpret_cast<void*>(aligned + length), end - aligned - length);
  // Advice only: without it (or with THP disabled) the hash is slower, not wrong.
  madvise(reinterpret_cast<void*>(aligned), length, MADV_HUGEPAGE);
  return reinterpret_cast<std::uint8_t*>(aligned);
}

}  // namespace

int allocate_argon2_work_area(std::uint8_t** memory, std::size_t bytes) {
  std::size_t length = mapped_length(bytes);
  if (kept && !kept_in_use && kept_length >= length) {
    kept_in_use = true;
    *memory = kept;
    return ARGON2_OK;
  }
  std::uint8_t* area = map_aligned(length);
  if (!area) return ARGON2_MEMORY_ALLOCATION_ERROR;
  if (!kept) {
    kept = area;
    kept_length = length;
    kept_in_use = true;
  }
  *memory = area;
  return ARGON2_OK;
}

void free_argon2_work_area(std::uint8_t* memory, std::size_t bytes) {
  if (memory == kept) {
    kept_in_use = false;  // keep it mapped for the next hash
    return;
  }
  munmap(memory, mapped_length(bytes));
}

bool argon2_work_area_kept() { return kept != nullptr; }

void release_idle_argon2_work_area() {
  if (!kept || kept_in_use) return;
  munmap(kept, kept_length);
  kept = nullptr;
  kept_length = 0;
}

}  // namespace xueji

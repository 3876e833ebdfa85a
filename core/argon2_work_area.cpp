// argon2_work_area.cpp: a fresh mapping per hash, aligned and advised for huge pages.
#include "core/argon2_work_area.h"

#include <argon2.h>
#include <sys/mman.h>

namespace xueji {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

std::size_t mapped_length(std::size_t bytes) {
  return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

}  // namespace

int allocate_argon2_work_area(std::uint8_t** memory, std::size_t bytes) {
  std::size_t length = mapped_length(bytes);
  // Map one huge page more than needed, then cut both ends so the area starts on a 2 MiB
  // boundary: only aligned ranges can be backed by huge pages.
  void* raw = mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return ARGON2_MEMORY_ALLOCATION_ERROR;
  auto start = reinterpret_cast<std::uintptr_t>(raw);
  std::uintptr_t aligned = (start + kHugePage - 1) & ~(kHugePage - 1);
  if (aligned > start) munmap(raw, aligned - start);
  std::uintptr_t end = start + length + kHugePage;
  if (end > aligned + length) munmap(reinterpret_cast<void*>(aligned + length), end - aligned - length);
  // Advice only: without it (or with THP disabled) the hash is slower, not wrong.
  madvise(reinterpret_cast<void*>(aligned), length, MADV_HUGEPAGE);
  *memory = reinterpret_cast<std::uint8_t*>(aligned);
  return ARGON2_OK;
}

void free_argon2_work_area(std::uint8_t* memory, std::size_t bytes) {
  munmap(memory, mapped_length(bytes));
}

}  // namespace xueji

// hash_slots.cpp: slots as flock()ed memfds, reopened per child through /proc/self/fd.
#include "core/hash_slots.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

namespace xueji {
namespace {

// The master's descriptors (inherited by children) and this process's own handles.
std::vector<int> master_slots;
std::vector<int> own_slots;

void close_all(std::vector<int>& fds) {
  for (int fd : fds) close(fd);
  fds.clear();
}

bool lock(int fd, int how) {
  while (flock(fd, how) != 0) {
    if (errno != EINTR) return false;  // EWOULDBLOCK: held by another child
  }
  return true;
}

}  // namespace

bool create_hash_slots(int count) {
  if (!master_slots.empty() || count < 1) return true;
  for (int i = 0; i < count; ++i) {
    // fork() keeps descriptors whatever their flags; CLOEXEC keeps them out of any exec.
    int fd = memfd_create("xueji-hash-slot", MFD_CLOEXEC);
    if (fd < 0) {
      close_all(master_slots);
      return false;
    }
    master_slots.push_back(fd);
  }
  return true;
}

bool open_hash_slots_in_child() {
  close_all(own_slots);
  for (int master_fd : master_slots) {
    // A new open file description of the same file: flock()s made through it exclude those of
    // the other children (an inherited descriptor would share one lock with all of them).
    std::string path = "/proc/self/fd/" + std::to_string(master_fd);
    int fd = open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
      close_all(own_slots);
      return false;
    }
    own_slots.push_back(fd);
  }
  return true;
}

HashSlot::HashSlot() {
  if (own_slots.empty()) return;
  // Try every slot; when all are busy, look again shortly. flock() can wait on one slot only,
  // and waiting on a busy one would leave another idle when it frees first. Looking every half
  // millisecond costs a few microseconds of CPU each time and leaves a freed core idle for
  // 0.25 ms on average, against a hash of tens of milliseconds.
  for (useconds_t pause = 100;; pause = pause < 500 ? pause * 2 : pause) {
    for (int fd : own_slots) {
      if (lock(fd, LOCK_EX | LOCK_NB)) {
        held_ = fd;
        return;
      }
    }
    usleep(pause);
  }
}

HashSlot::~HashSlot() {
  if (held_ >= 0) lock(held_, LOCK_UN);
}

}  // namespace xueji

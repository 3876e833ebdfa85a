// hash_slots.h: at most as many Argon2id hashes at once, among the children of one worker, as
// the machine has cores.
//
// Why: a hash is pure CPU and memory bandwidth. Four at once on two cores finish no sooner than
// two, and their 19 MiB work areas no longer share the last-level cache: measured here, four
// concurrent hashes gave 9% less throughput than two, and held twice the memory. Children beyond
// the core count (kept for page requests) wait for a slot instead.
//
// A slot is an flock on a small anonymous file made by the master before it forks; each child
// opens its own handle on it after the fork, so the locks exclude each other, and the kernel
// releases a slot when a child dies holding it.
#pragma once

namespace xueji {

// In the master, before forking: `count` slots (count < 1: no limit). Idempotent per process.
// False when the kernel refused (then there is no limit: hashes still work, only unbounded).
bool create_hash_slots(int count);
// In each child, right after fork: its own handles on the master's slots. False likewise.
bool open_hash_slots_in_child();
// Holds one slot for its lifetime; waits for one to be free. Without slots (tools, tests) it
// does nothing.
class HashSlot {
 public:
  HashSlot();
  ~HashSlot();
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;

 private:
  int held_ = -1;  // the descriptor locked, or -1
};

}  // namespace xueji

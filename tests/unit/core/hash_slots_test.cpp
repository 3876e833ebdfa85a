// hash_slots_test.cpp: children of one master share the slots: as many hold one at once as
// there are slots, a further child waits, and a child killed while holding frees its slot.
#include "core/hash_slots.h"

#include <cppunit/extensions/HelperMacros.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace xueji {
namespace {

struct Child {
  pid_t pid = -1;
  int reports = -1;  // the child writes one byte here once it holds a slot
};

// A child that takes a slot, reports it, and keeps it until killed.
Child holder() {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe");
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    open_hash_slots_in_child();
    HashSlot slot;
    char byte = 'x';
    if (write(fds[1], &byte, 1) != 1) _exit(1);
    for (;;) pause();
  }
  close(fds[1]);
  return {pid, fds[0]};
}

// Whether the child reported holding a slot within `ms` milliseconds.
bool holds_within(const Child& child, int ms) {
  pollfd p{child.reports, POLLIN, 0};
  if (poll(&p, 1, ms) != 1) return false;
  char byte;
  return read(child.reports, &byte, 1) == 1;
}

void kill_and_reap(Child& child) {
  kill(child.pid, SIGKILL);
  waitpid(child.pid, nullptr, 0);
  close(child.reports);
}

}  // namespace

class HashSlotsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(HashSlotsTest);
  CPPUNIT_TEST(slots_bound_the_holders_and_a_killed_holder_frees_one);
  CPPUNIT_TEST(without_slots_a_hash_slot_never_waits);
  CPPUNIT_TEST_SUITE_END();

 public:
  void slots_bound_the_holders_and_a_killed_holder_frees_one() {
    create_hash_slots(2);
    Child first = holder();
    Child second = holder();
    CPPUNIT_ASSERT(holds_within(first, 5000));
    CPPUNIT_ASSERT(holds_within(second, 5000));
    Child third = holder();
    CPPUNIT_ASSERT_MESSAGE("a third child took a slot while two were held",
                           !holds_within(third, 300));
    kill_and_reap(first);  // dies holding its slot, as a crashed child would
    CPPUNIT_ASSERT_MESSAGE("the killed child's slot was not freed", holds_within(third, 5000));
    kill_and_reap(second);
    kill_and_reap(third);
  }

  void without_slots_a_hash_slot_never_waits() {
    // This process never called open_hash_slots_in_child(): like xueji-ctl or a test, it has
    // no handles, so any number of slots can be "held" at once.
    std::vector<HashSlot> many(8);
    CPPUNIT_ASSERT_EQUAL(std::size_t{8}, many.size());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HashSlotsTest);

}  // namespace xueji

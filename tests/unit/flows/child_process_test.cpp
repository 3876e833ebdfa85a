// child_process_test.cpp: a helper program gets its input, gives its output, keeps no
// descriptor of ours, and is killed at its time or output limit.
#include "flows/child_process.h"

#include <cppunit/extensions/HelperMacros.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <sstream>

namespace xueji {

class ChildProcessTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ChildProcessTest);
  CPPUNIT_TEST(input_in_output_out);
  CPPUNIT_TEST(large_input_and_output_do_not_deadlock);
  CPPUNIT_TEST(only_three_descriptors_reach_the_child);
  CPPUNIT_TEST(no_shell_reads_the_arguments);
  CPPUNIT_TEST(failure_exit_throws);
  CPPUNIT_TEST(time_limit_kills);
  CPPUNIT_TEST(output_limit_kills);
  CPPUNIT_TEST(relative_program_is_refused);
  CPPUNIT_TEST_SUITE_END();

 public:
  void input_in_output_out() {
    CPPUNIT_ASSERT_EQUAL(std::string("5, 8, 2, 3\n"), run_child({"/bin/cat"}, "5, 8, 2, 3\n"));
    CPPUNIT_ASSERT_EQUAL(std::string("hello\n"), run_child({"/bin/echo", "hello"}, ""));
  }

  void large_input_and_output_do_not_deadlock() {
    std::string big(3 << 20, 'x');  // far beyond a pipe's 64 KiB, both ways at once
    std::string out = run_child({"/bin/cat"}, big, {std::chrono::milliseconds(10000), 4 << 20});
    CPPUNIT_ASSERT(out == big);
  }

  void only_three_descriptors_reach_the_child() {
    int leaked = ::open("/dev/null", O_RDONLY);  // not close-on-exec, as a socket might be
    std::string out = run_child({"/bin/ls", "/proc/self/fd"}, "");
    ::close(leaked);
    // 0, 1, 2 and the directory ls itself reads.
    std::istringstream lines(out);
    int count = 0;
    for (std::string line; std::getline(lines, line);) ++count;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(out, 4, count);
  }

  void no_shell_reads_the_arguments() {
    CPPUNIT_ASSERT_EQUAL(std::string("$(id) ; `id` | *\n"),
                         run_child({"/bin/echo", "$(id) ; `id` | *"}, ""));
  }

  void failure_exit_throws() {
    CPPUNIT_ASSERT_THROW(run_child({"/bin/false"}, ""), ChildFailed);
    CPPUNIT_ASSERT_THROW(run_child({"/nonexistent/program"}, ""), ChildFailed);
  }

  void time_limit_kills() {
    auto start = std::chrono::steady_clock::now();
    CPPUNIT_ASSERT_THROW(run_child({"/bin/sleep", "10"}, "", {std::chrono::milliseconds(200)}),
                         ChildFailed);
    CPPUNIT_ASSERT(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
  }

  void output_limit_kills() {
    CPPUNIT_ASSERT_THROW(
        run_child({"/bin/cat"}, std::string(100000, 'y'), {std::chrono::milliseconds(3000), 1000}),
        ChildFailed);
  }

  void relative_program_is_refused() {
    CPPUNIT_ASSERT_THROW(run_child({"cat"}, ""), std::invalid_argument);
    CPPUNIT_ASSERT_THROW(run_child({}, ""), std::invalid_argument);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ChildProcessTest);

}  // namespace xueji

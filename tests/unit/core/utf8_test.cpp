// utf8_test.cpp: the one UTF-8 check and the code-point count.
#include "core/utf8.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace xueji;

class Utf8Test : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(Utf8Test);
  CPPUNIT_TEST(utf8_validation);
  CPPUNIT_TEST(utf8_length_counts_characters);
  CPPUNIT_TEST(code_points_replace_each_bad_byte);
  CPPUNIT_TEST_SUITE_END();

 public:
  void utf8_validation() {
    CPPUNIT_ASSERT(is_valid_utf8("abc 王小明 😀"));
    CPPUNIT_ASSERT(is_valid_utf8(""));
    CPPUNIT_ASSERT(!is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CPPUNIT_ASSERT(!is_valid_utf8("\xE0\x80\xAF"));      // overlong, 3 bytes
    CPPUNIT_ASSERT(!is_valid_utf8("\xED\xA0\x80"));      // a surrogate
    CPPUNIT_ASSERT(!is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CPPUNIT_ASSERT(!is_valid_utf8("\xE7\x8E"));          // truncated
    CPPUNIT_ASSERT(!is_valid_utf8("\x80"));              // stray continuation byte
  }

  void utf8_length_counts_characters() {
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, utf8_length("王小明"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{5}, utf8_length("ab王😀c"));
  }

  void code_points_replace_each_bad_byte() {
    CPPUNIT_ASSERT(utf8_code_points("a王😀") == (std::vector<char32_t>{U'a', U'王', U'😀'}));
    CPPUNIT_ASSERT(utf8_code_points("\xE3\x80\x80") == std::vector<char32_t>{U'\u3000'});
    // A truncated sequence and an overlong one: one U+FFFD per byte, then what follows.
    CPPUNIT_ASSERT(utf8_code_points("\xE7\x8Ex") ==
                   (std::vector<char32_t>{U'\uFFFD', U'\uFFFD', U'x'}));
    CPPUNIT_ASSERT(utf8_code_points("\xC0\xAF") == (std::vector<char32_t>{U'\uFFFD', U'\uFFFD'}));
    CPPUNIT_ASSERT(utf8_code_points("").empty());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(Utf8Test);

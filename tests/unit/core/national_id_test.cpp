// national_id_test.cpp: every vector of product.md §2, the letter table, rejections, mask, search.
#include "core/national_id.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace xueji {
namespace {

std::string kind_name(std::optional<IdKind> kind) {
  if (!kind) return "invalid";
  switch (*kind) {
    case IdKind::kNationalId:
      return "national";
    case IdKind::kNewResident:
      return "new resident";
    case IdKind::kOldResident:
      return "old resident";
  }
  return "?";
}

std::string classify(std::string_view id) { return kind_name(classify_national_id(id)); }

}  // namespace

class NationalIdTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(NationalIdTest);
  CPPUNIT_TEST(normalize_trims_and_upper_cases);
  CPPUNIT_TEST(product_vectors);
  CPPUNIT_TEST(letter_table_includes_the_late_letters);
  CPPUNIT_TEST(lower_case_is_valid_only_after_normalize);
  CPPUNIT_TEST(checksum_off_by_one_is_rejected_for_each_kind);
  CPPUNIT_TEST(exactly_one_check_digit_fits_each_number);
  CPPUNIT_TEST(wrong_lengths_are_rejected);
  CPPUNIT_TEST(bad_letters_are_rejected);
  CPPUNIT_TEST(second_character_outside_the_kinds_is_rejected);
  CPPUNIT_TEST(non_digits_are_rejected);
  CPPUNIT_TEST(full_width_characters_are_rejected);
  CPPUNIT_TEST(mask_keeps_three_and_three);
  CPPUNIT_TEST(contains_finds_any_shape_anywhere);
  CPPUNIT_TEST(contains_ignores_near_misses);
  CPPUNIT_TEST_SUITE_END();

 public:
  void normalize_trims_and_upper_cases() {
    CPPUNIT_ASSERT_EQUAL(std::string("A123456789"), normalize_national_id("  a123456789\t\r\n"));
    CPPUNIT_ASSERT_EQUAL(std::string("AB01300667"), normalize_national_id("\vab01300667\f"));
    CPPUNIT_ASSERT_EQUAL(std::string("A12 3"), normalize_national_id(" a12 3 "));  // inner kept
    CPPUNIT_ASSERT_EQUAL(std::string(), normalize_national_id(""));
    CPPUNIT_ASSERT_EQUAL(std::string(), normalize_national_id(" \t\n "));
    // Full-width letters are not ASCII: left as they are, for classify to reject.
    CPPUNIT_ASSERT_EQUAL(std::string("ａ123"), normalize_national_id("ａ123"));
  }

  void product_vectors() {
    CPPUNIT_ASSERT_EQUAL(std::string("national"), classify("A123456789"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("A123456788"));
    CPPUNIT_ASSERT_EQUAL(std::string("new resident"), classify("A800000014"));
    CPPUNIT_ASSERT_EQUAL(std::string("old resident"), classify("AA00000009"));
    CPPUNIT_ASSERT_EQUAL(std::string("old resident"), classify("BD01300667"));
    CPPUNIT_ASSERT(is_valid_national_id("A123456789"));
    CPPUNIT_ASSERT(!is_valid_national_id("A123456788"));
  }

  // Check digits computed by hand from the table I=34 O=35 W=32 X=30 Y=31 Z=33, which is not
  // alphabetical: a table in plain A..Z order gets all of these wrong.
  void letter_table_includes_the_late_letters() {
    CPPUNIT_ASSERT_EQUAL(std::string("national"), classify("I123456781"));
    CPPUNIT_ASSERT_EQUAL(std::string("national"), classify("O223456784"));
    CPPUNIT_ASSERT_EQUAL(std::string("national"), classify("W123456789"));
    CPPUNIT_ASSERT_EQUAL(std::string("new resident"), classify("X876543213"));
    CPPUNIT_ASSERT_EQUAL(std::string("new resident"), classify("Y900000015"));
    CPPUNIT_ASSERT_EQUAL(std::string("national"), classify("Z298765438"));
    CPPUNIT_ASSERT_EQUAL(std::string("national"), classify("K212345678"));
    CPPUNIT_ASSERT_EQUAL(std::string("new resident"), classify("M811111117"));
    CPPUNIT_ASSERT_EQUAL(std::string("new resident"), classify("P912345675"));
    CPPUNIT_ASSERT_EQUAL(std::string("national"), classify("Q122222228"));
    CPPUNIT_ASSERT_EQUAL(std::string("old resident"), classify("IC12345671"));
    CPPUNIT_ASSERT_EQUAL(std::string("old resident"), classify("OD00000008"));
    CPPUNIT_ASSERT_EQUAL(std::string("old resident"), classify("WB76543211"));
  }

  void lower_case_is_valid_only_after_normalize() {
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("a123456789"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("Aa00000009"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("bd01300667"));
    CPPUNIT_ASSERT_EQUAL(std::string("national"), classify(normalize_national_id(" a123456789 ")));
    CPPUNIT_ASSERT_EQUAL(std::string("old resident"),
                         classify(normalize_national_id("bd01300667")));
    CPPUNIT_ASSERT_EQUAL(std::string("new resident"),
                         classify(normalize_national_id("a800000014")));
  }

  void checksum_off_by_one_is_rejected_for_each_kind() {
    for (const char* id : {"A123456780", "A123456788", "A800000013", "A800000015", "AA00000008",
                           "AA00000000", "BD01300666", "BD01300668"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(id, std::string("invalid"), classify(id));
    }
    // A changed body digit breaks it as well as a changed check digit.
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("A123456689"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("A900000014"));  // 8 → 9
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("BC01300667"));  // D → C
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("B123456789"));  // letter changed
  }

  // For every letter and every allowed second character, the weights leave exactly one check
  // digit that makes the sum divisible by 10.
  void exactly_one_check_digit_fits_each_number() {
    for (char letter = 'A'; letter <= 'Z'; ++letter) {
      for (char second : std::string("1289ABCD")) {
        int accepted = 0;
        for (char check = '0'; check <= '9'; ++check) {
          const std::string id = std::string{letter, second} + "3141592" + check;
          if (is_valid_national_id(id)) ++accepted;
        }
        CPPUNIT_ASSERT_EQUAL_MESSAGE((std::string{letter, second}), 1, accepted);
      }
    }
  }

  void wrong_lengths_are_rejected() {
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify(""));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("A"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("A12345678"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("A1234567890"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("A123456789A"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("AA000000090"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify(" A123456789"));  // not normalized
  }

  void bad_letters_are_rejected() {
    for (const char* id : {"1123456789", "@123456789", "[123456789", "`123456789", " 123456789"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(id, std::string("invalid"), classify(id));
    }
    // Old resident numbers allow only A–D as their second letter, whatever the check digit.
    for (char second : std::string("EFGHIJKLMNOPQRSTUVWXYZ")) {
      for (char check = '0'; check <= '9'; ++check) {
        const std::string id = std::string{'A', second} + "0000000" + check;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(id, std::string("invalid"), classify(id));
      }
    }
  }

  void second_character_outside_the_kinds_is_rejected() {
    for (char second : std::string("034567")) {
      for (char check = '0'; check <= '9'; ++check) {
        const std::string id = std::string{'A', second} + "2345678" + check;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(id, std::string("invalid"), classify(id));
      }
    }
  }

  void non_digits_are_rejected() {
    for (const char* id :
         {"A12345678X", "A1234 6789", "A12345-789", "AA0000000A", "A1.3456789", "A12345678+"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(id, std::string("invalid"), classify(id));
    }
  }

  void full_width_characters_are_rejected() {
    // Ａ (U+FF21) and １ (U+FF11), as a Chinese input method in full-width mode types them.
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("Ａ123456789"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify("A１23456789"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid"), classify(normalize_national_id("ａ123456789")));
  }

  void mask_keeps_three_and_three() {
    CPPUNIT_ASSERT_EQUAL(std::string("A12****789"), mask_national_id("A123456789"));
    CPPUNIT_ASSERT_EQUAL(std::string("BD0****667"), mask_national_id("BD01300667"));
    CPPUNIT_ASSERT_EQUAL(std::string("A80****014"), mask_national_id("A800000014"));
    CPPUNIT_ASSERT_EQUAL(std::string("*********"), mask_national_id("A12345678"));
    CPPUNIT_ASSERT_EQUAL(std::string(""), mask_national_id(""));
  }

  void contains_finds_any_shape_anywhere() {
    CPPUNIT_ASSERT(contains_any_national_id("A123456789"));
    CPPUNIT_ASSERT(contains_any_national_id("a123456789"));            // upper-cased first
    CPPUNIT_ASSERT(contains_any_national_id("teacherA123456788"));     // checksum not needed
    CPPUNIT_ASSERT(contains_any_national_id("a123456789teacher"));     // first window
    CPPUNIT_ASSERT(contains_any_national_id("wu.z212345678.x"));       // middle window
    CPPUNIT_ASSERT(contains_any_national_id("x.y800000000"));          // new resident shape
    CPPUNIT_ASSERT(contains_any_national_id("my-bd01300667"));         // old resident shape
    CPPUNIT_ASSERT(contains_any_national_id("zzzzzzzzzzA100000000"));  // last window
  }

  void contains_ignores_near_misses() {
    CPPUNIT_ASSERT(!contains_any_national_id(""));
    CPPUNIT_ASSERT(!contains_any_national_id("A12345678"));      // 9 characters
    CPPUNIT_ASSERT(!contains_any_national_id("A3234567890"));    // second char 3
    CPPUNIT_ASSERT(!contains_any_national_id("AE12345678"));     // E is no resident letter
    CPPUNIT_ASSERT(!contains_any_national_id("A1234-56789"));    // broken by a dash
    CPPUNIT_ASSERT(!contains_any_national_id("1234567890123"));  // no letter
    CPPUNIT_ASSERT(!contains_any_national_id("teacher2026"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(NationalIdTest);

}  // namespace xueji

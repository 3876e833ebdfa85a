// csv_test.cpp: the CSV reader with BOM, quotes, CRLF, blank lines and every kind of bad line.
#include "core/csv.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace xueji {

class CsvTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CsvTest);
  CPPUNIT_TEST(plain_lines_with_line_numbers);
  CPPUNIT_TEST(bom_is_skipped);
  CPPUNIT_TEST(crlf_and_lone_cr_end_lines);
  CPPUNIT_TEST(blank_and_comma_only_lines_are_skipped_but_counted);
  CPPUNIT_TEST(quoted_fields_hold_commas_quotes_and_newlines);
  CPPUNIT_TEST(empty_fields_are_kept);
  CPPUNIT_TEST(last_line_without_line_break);
  CPPUNIT_TEST(quote_inside_unquoted_field_is_an_error);
  CPPUNIT_TEST(text_after_closing_quote_is_an_error);
  CPPUNIT_TEST(unterminated_quote_is_an_error_at_its_line);
  CPPUNIT_TEST(bad_utf8_is_an_error_and_other_lines_survive);
  CPPUNIT_TEST(every_bad_line_is_reported);
  CPPUNIT_TEST_SUITE_END();

 public:
  void plain_lines_with_line_numbers() {
    CsvTable t = parse_csv("national_id,name\nA123456789,王小明\n");
    CPPUNIT_ASSERT(t.errors.empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, t.records.size());
    CPPUNIT_ASSERT_EQUAL(1, t.records[0].line);
    CPPUNIT_ASSERT_EQUAL(2, t.records[1].line);
    CPPUNIT_ASSERT_EQUAL(std::string("A123456789"), t.records[1].fields[0]);
    CPPUNIT_ASSERT_EQUAL(std::string("王小明"), t.records[1].fields[1]);
  }

  void bom_is_skipped() {
    CsvTable t = parse_csv("\xEF\xBB\xBFnational_id,name\r\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, t.records.size());
    CPPUNIT_ASSERT_EQUAL(std::string("national_id"), t.records[0].fields[0]);
    // A BOM anywhere else is data, not skipped.
    CsvTable later = parse_csv(
        "a\n\xEF\xBB\xBF"
        "b\n");
    CPPUNIT_ASSERT_EQUAL(std::string("\xEF\xBB\xBF"
                                     "b"),
                         later.records[1].fields[0]);
  }

  void crlf_and_lone_cr_end_lines() {
    CsvTable t = parse_csv("a,b\r\nc,d\re,f\n");
    CPPUNIT_ASSERT(t.errors.empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, t.records.size());
    CPPUNIT_ASSERT_EQUAL(std::string("b"), t.records[0].fields[1]);  // no '\r' left on it
    CPPUNIT_ASSERT_EQUAL(std::string("d"), t.records[1].fields[1]);
    CPPUNIT_ASSERT_EQUAL(3, t.records[2].line);
  }

  void blank_and_comma_only_lines_are_skipped_but_counted() {
    CsvTable t = parse_csv("a,b\n\n\r\n,,\n  ,\t\nc,d\n\n");
    CPPUNIT_ASSERT(t.errors.empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, t.records.size());
    CPPUNIT_ASSERT_EQUAL(6, t.records[1].line);
  }

  void quoted_fields_hold_commas_quotes_and_newlines() {
    CsvTable t = parse_csv("\"王, 小明\",\"說\"\"好\"\"\"\n\"two\nlines\",x\nlast,y\n");
    CPPUNIT_ASSERT(t.errors.empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, t.records.size());
    CPPUNIT_ASSERT_EQUAL(std::string("王, 小明"), t.records[0].fields[0]);
    CPPUNIT_ASSERT_EQUAL(std::string("說\"好\""), t.records[0].fields[1]);
    CPPUNIT_ASSERT_EQUAL(std::string("two\nlines"), t.records[1].fields[0]);
    CPPUNIT_ASSERT_EQUAL(2, t.records[1].line);
    CPPUNIT_ASSERT_EQUAL(4, t.records[2].line);  // the line count includes the quoted break
  }

  void empty_fields_are_kept() {
    CsvTable t = parse_csv("a,,\"\",d\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t{4}, t.records[0].fields.size());
    CPPUNIT_ASSERT_EQUAL(std::string(""), t.records[0].fields[1]);
    CPPUNIT_ASSERT_EQUAL(std::string(""), t.records[0].fields[2]);
    CsvTable trailing = parse_csv("a,b,\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, trailing.records[0].fields.size());
  }

  void last_line_without_line_break() {
    CsvTable t = parse_csv("a,b\nc,\"d\"");
    CPPUNIT_ASSERT(t.errors.empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, t.records.size());
    CPPUNIT_ASSERT_EQUAL(std::string("d"), t.records[1].fields[1]);
  }

  void quote_inside_unquoted_field_is_an_error() {
    CsvTable t = parse_csv("a,b\nab\"c,d\ne,f\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, t.errors.size());
    CPPUNIT_ASSERT_EQUAL(2, t.errors[0].line);
    CPPUNIT_ASSERT(t.errors[0].message.find("第 2 行") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, t.records.size());
    CPPUNIT_ASSERT_EQUAL(3, t.records[1].line);
  }

  void text_after_closing_quote_is_an_error() {
    CsvTable t = parse_csv("\"a\"b,c\nd,e\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, t.errors.size());
    CPPUNIT_ASSERT_EQUAL(1, t.errors[0].line);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, t.records.size());
    CPPUNIT_ASSERT_EQUAL(std::string("d"), t.records[0].fields[0]);
  }

  void unterminated_quote_is_an_error_at_its_line() {
    CsvTable t = parse_csv("a,b\nc,\"d\ne,f\ng,h\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, t.errors.size());
    CPPUNIT_ASSERT_EQUAL(2, t.errors[0].line);
    CPPUNIT_ASSERT(t.errors[0].message.find("引號") != std::string::npos);
    // The lines after the open quote are still read and checked on their own.
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, t.records.size());
    CPPUNIT_ASSERT_EQUAL(3, t.records[1].line);
    CPPUNIT_ASSERT_EQUAL(std::string("e"), t.records[1].fields[0]);
    CPPUNIT_ASSERT_EQUAL(4, t.records[2].line);
  }

  void bad_utf8_is_an_error_and_other_lines_survive() {
    // "王" in Big5 (0xA4 0xFD): a file saved in the wrong encoding.
    CsvTable t = parse_csv("a,b\nA123456789,\xA4\xFD\nc,d\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, t.errors.size());
    CPPUNIT_ASSERT_EQUAL(2, t.errors[0].line);
    CPPUNIT_ASSERT(t.errors[0].message.find("UTF-8") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, t.records.size());
  }

  void every_bad_line_is_reported() {
    CsvTable t = parse_csv("ok,1\nb\"ad,2\nok,3\n\"x\"y,4\nok,5\n\"open,6\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, t.errors.size());
    CPPUNIT_ASSERT_EQUAL(2, t.errors[0].line);
    CPPUNIT_ASSERT_EQUAL(4, t.errors[1].line);
    CPPUNIT_ASSERT_EQUAL(6, t.errors[2].line);
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, t.records.size());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CsvTest);

}  // namespace xueji

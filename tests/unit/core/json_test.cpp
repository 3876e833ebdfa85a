// json_test.cpp: the JSON writer escapes what JSON requires (and U+2028/9), keeps UTF-8, and
// writes objects and arrays in order.
#include "core/json.h"

#include <cppunit/extensions/HelperMacros.h>

namespace xueji {

class JsonTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(JsonTest);
  CPPUNIT_TEST(quotes_and_backslashes_are_escaped);
  CPPUNIT_TEST(control_characters_are_escaped);
  CPPUNIT_TEST(utf8_passes_and_line_separators_are_escaped);
  CPPUNIT_TEST(objects_keep_their_order_and_types);
  CPPUNIT_TEST(arrays_of_strings_and_of_json);
  CPPUNIT_TEST_SUITE_END();

 public:
  void quotes_and_backslashes_are_escaped() {
    CPPUNIT_ASSERT_EQUAL(std::string(R"("a\"b\\c/")"), json::quote("a\"b\\c/"));
    CPPUNIT_ASSERT_EQUAL(std::string(R"("")"), json::quote(""));
  }

  void control_characters_are_escaped() {
    CPPUNIT_ASSERT_EQUAL(std::string(R"("\n\r\t\b\f")"), json::quote("\n\r\t\b\f"));
    CPPUNIT_ASSERT_EQUAL(std::string(R"("\u0000\u001f\u007f")"),
                         json::quote(std::string("\0\x1f\x7f", 3)));
  }

  void utf8_passes_and_line_separators_are_escaped() {
    CPPUNIT_ASSERT_EQUAL(std::string("\"王小明 教務\""), json::quote("王小明 教務"));
    CPPUNIT_ASSERT_EQUAL(std::string(R"("a\u2028b\u2029")"), json::quote("a\u2028b\u2029"));
  }

  void objects_keep_their_order_and_types() {
    std::string text = json::Object()
                           .add("iss", "https://x")
                           .add("exp", std::int64_t{1700000000})
                           .add("ok", true)
                           .add("no", false)
                           .add_raw("amr", R"(["pwd"])")
                           .str();
    CPPUNIT_ASSERT_EQUAL(
        std::string(R"({"iss":"https://x","exp":1700000000,"ok":true,"no":false,"amr":["pwd"]})"),
        text);
    CPPUNIT_ASSERT_EQUAL(std::string("{}"), json::Object().str());
    CPPUNIT_ASSERT_EQUAL(std::string(R"({"k\"":"v\n"})"), json::Object().add("k\"", "v\n").str());
  }

  void arrays_of_strings_and_of_json() {
    CPPUNIT_ASSERT_EQUAL(std::string(R"(["a","\"b"])"), json::array({"a", "\"b"}));
    CPPUNIT_ASSERT_EQUAL(std::string("[]"), json::array({}));
    CPPUNIT_ASSERT_EQUAL(std::string(R"([{},1])"), json::array_raw({"{}", "1"}));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(JsonTest);

}  // namespace xueji

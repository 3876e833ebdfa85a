// device_token_test.cpp: device tokens round-trip, refuse every alteration and foreign key, and
// a cookie keeps one token per account, newest first, at most kMaxDeviceTokens.
#include "core/device_token.h"

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>

namespace xueji {
namespace {

using namespace std::chrono;

const TimePoint kNow = TimePoint{sys_days{year{2026} / 9 / 1}} + hours{2};

DeviceToken token_for(std::int64_t account, char fill = 'd') {
  return {account, 7, kNow, std::string(kDeviceIdBytes, fill)};
}

}  // namespace

class DeviceTokenTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(DeviceTokenTest);
  CPPUNIT_TEST(round_trip);
  CPPUNIT_TEST(every_altered_character_is_refused);
  CPPUNIT_TEST(another_servers_key_is_refused);
  CPPUNIT_TEST(garbage_is_refused);
  CPPUNIT_TEST(cookie_keeps_one_token_per_account_newest_first);
  CPPUNIT_TEST(cookie_keeps_at_most_the_limit);
  CPPUNIT_TEST_SUITE_END();

  const std::string key = device_cookie_key("a server secret of enough length 0123456789");

public:
  void round_trip() {
    DeviceToken t = token_for(42);
    auto back = decode_device_token(key, encode_device_token(key, t));
    CPPUNIT_ASSERT(back.has_value());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{42}, back->account_id);
    CPPUNIT_ASSERT_EQUAL(7, back->epoch);
    CPPUNIT_ASSERT(back->issued_at == kNow);
    CPPUNIT_ASSERT_EQUAL(t.device_id, back->device_id);
  }

  void every_altered_character_is_refused() {
    std::string text = encode_device_token(key, token_for(42));
    for (std::size_t i = 0; i < text.size(); ++i) {
      std::string altered = text;
      altered[i] = altered[i] == 'A' ? 'B' : 'A';
      CPPUNIT_ASSERT_MESSAGE("position " + std::to_string(i),
                             !decode_device_token(key, altered).has_value());
    }
  }

  void another_servers_key_is_refused() {
    std::string other = device_cookie_key("another server's secret, also long enough 9876");
    CPPUNIT_ASSERT(!decode_device_token(other, encode_device_token(key, token_for(42))));
  }

  void garbage_is_refused() {
    for (const char* text : {"", "x", "....", "AAAA+/==", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
      CPPUNIT_ASSERT_MESSAGE(text, !decode_device_token(key, text).has_value());
    }
  }

  void cookie_keeps_one_token_per_account_newest_first() {
    std::string value = device_cookie_value(key, "", token_for(1, 'a'));
    value = device_cookie_value(key, value, token_for(2, 'b'));
    value = device_cookie_value(key, value + ".not-a-token", token_for(1, 'c'));
    auto tokens = device_cookie_tokens(value);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, tokens.size());
    CPPUNIT_ASSERT_EQUAL(std::string(kDeviceIdBytes, 'c'), decode_device_token(key, tokens[0])->device_id);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, decode_device_token(key, tokens[1])->account_id);
  }

  void cookie_keeps_at_most_the_limit() {
    std::string value;
    for (std::int64_t account = 1; account <= 8; ++account) {
      value = device_cookie_value(key, value, token_for(account));
    }
    auto tokens = device_cookie_tokens(value);
    CPPUNIT_ASSERT_EQUAL(kMaxDeviceTokens, tokens.size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{8}, decode_device_token(key, tokens.front())->account_id);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, decode_device_token(key, tokens.back())->account_id);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(DeviceTokenTest);

}  // namespace xueji

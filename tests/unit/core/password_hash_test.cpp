// password_hash_test.cpp: our PHC strings against libargon2's own encoder and verifier, refusals
// of malformed hashes, and the work area's alignment.
#include "core/password_hash.h"

#include <argon2.h>
#include <cppunit/extensions/HelperMacros.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "core/argon2_work_area.h"

namespace xueji {

class PasswordHashTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(PasswordHashTest);
  CPPUNIT_TEST(right_password_verifies_wrong_one_does_not);
  CPPUNIT_TEST(hash_carries_the_product_parameters);
  CPPUNIT_TEST(libargon2_accepts_our_hash);
  CPPUNIT_TEST(we_accept_libargon2s_hash);
  CPPUNIT_TEST(each_hash_has_its_own_salt);
  CPPUNIT_TEST(malformed_hashes_are_refused_without_throwing);
  CPPUNIT_TEST(parsed_hash_is_written_back_canonically);
  CPPUNIT_TEST(work_area_is_aligned_and_writable);
  CPPUNIT_TEST(work_area_is_kept_between_hashes_until_released);
  CPPUNIT_TEST_SUITE_END();

 public:
  void right_password_verifies_wrong_one_does_not() {
    std::string hash = hash_password("Blue-Harbor-42x", random_);
    CPPUNIT_ASSERT(verify_password(hash, "Blue-Harbor-42x"));
    CPPUNIT_ASSERT(!verify_password(hash, "Blue-Harbor-42X"));
    CPPUNIT_ASSERT(!verify_password(hash, ""));
  }

  void hash_carries_the_product_parameters() {
    std::string hash = hash_password("x", random_);
    CPPUNIT_ASSERT_EQUAL(std::string("$argon2id$v=19$m=19456,t=2,p=1$"), hash.substr(0, 31));
    // 16-byte salt and 32-byte hash, base64 without padding: 22 and 43 characters.
    CPPUNIT_ASSERT_EQUAL(std::size_t{31 + 22 + 1 + 43}, hash.size());
    CPPUNIT_ASSERT(hash.find('=', 31) == std::string::npos);
  }

  void libargon2_accepts_our_hash() {
    std::string hash = hash_password("密碼Blue-42x", random_);
    std::string password = "密碼Blue-42x";
    CPPUNIT_ASSERT_EQUAL(int{ARGON2_OK},
                         argon2id_verify(hash.c_str(), password.data(), password.size()));
    CPPUNIT_ASSERT_EQUAL(int{ARGON2_VERIFY_MISMATCH},
                         argon2id_verify(hash.c_str(), "other", 5));
  }

  void we_accept_libargon2s_hash() {
    const char salt[] = "0123456789abcdef";
    char encoded[128];
    CPPUNIT_ASSERT_EQUAL(int{ARGON2_OK},
                         argon2id_hash_encoded(2, 19456, 1, "Blue-Harbor-42x", 15, salt, 16, 32,
                                               encoded, sizeof encoded));
    CPPUNIT_ASSERT(verify_password(encoded, "Blue-Harbor-42x"));
    CPPUNIT_ASSERT(!verify_password(encoded, "Blue-Harbor-43x"));
    // Other parameters are read from the string, not assumed.
    CPPUNIT_ASSERT_EQUAL(int{ARGON2_OK}, argon2id_hash_encoded(1, 4096, 2, "pw", 2, salt, 16, 24,
                                                              encoded, sizeof encoded));
    CPPUNIT_ASSERT(verify_password(encoded, "pw"));
  }

  void each_hash_has_its_own_salt() {
    CPPUNIT_ASSERT(hash_password("same", random_) != hash_password("same", random_));
  }

  void malformed_hashes_are_refused_without_throwing() {
    std::string good = hash_password("pw", random_);
    std::string salt_and_hash = good.substr(31);
    const std::string bad[] = {
        "",
        "plain text",
        "$argon2i$v=19$m=19456,t=2,p=1$" + salt_and_hash,
        "$argon2id$v=16$m=19456,t=2,p=1$" + salt_and_hash,
        "$argon2id$v=19$m=99999999,t=2,p=1$" + salt_and_hash,  // would ask for 95 GiB
        "$argon2id$v=19$m=19456,t=0,p=1$" + salt_and_hash,
        "$argon2id$v=19$m=19456,t=2$" + salt_and_hash,
        "$argon2id$v=19$m=19456,t=2,p=1$" + salt_and_hash.substr(0, 22),  // no hash part
        "$argon2id$v=19$m=19456,t=2,p=1$!!!!" + salt_and_hash.substr(4),
        "$argon2id$v=19$m=19456,t=2,p=1$$" + salt_and_hash.substr(23),  // empty salt
    };
    for (const auto& hash : bad) {
      CPPUNIT_ASSERT_MESSAGE(hash, !verify_password(hash, "pw"));
    }
    CPPUNIT_ASSERT(verify_password(good, "pw"));
  }

  void parsed_hash_is_written_back_canonically() {
    std::string hash = hash_password("pw", random_);
    auto parts = parse_password_hash(hash);
    CPPUNIT_ASSERT(parts.has_value());
    CPPUNIT_ASSERT_EQUAL(kArgon2MemoryKiB, parts->memory_kib);
    CPPUNIT_ASSERT_EQUAL(kArgon2Passes, parts->passes);
    CPPUNIT_ASSERT_EQUAL(1u, parts->lanes);
    CPPUNIT_ASSERT_EQUAL(std::size_t{16}, parts->salt.size());
    CPPUNIT_ASSERT_EQUAL(std::size_t{32}, parts->hash.size());
    CPPUNIT_ASSERT_EQUAL(hash, format_password_hash(*parts));
    // Padding and leading zeros are read, and written back without them.
    const std::string loose =
        "$argon2id$v=19$m=0064,t=01,p=1$c2FsdHNhbHQ=$MDEyMzQ1Njc4OWFiY2RlZg==";
    auto read = parse_password_hash(loose);
    CPPUNIT_ASSERT(read.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string("saltsalt"), read->salt);
    CPPUNIT_ASSERT_EQUAL(
        std::string("$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$MDEyMzQ1Njc4OWFiY2RlZg"),
        format_password_hash(*read));
    // Fewer than 8 KiB per lane.
    CPPUNIT_ASSERT(
        !parse_password_hash("$argon2id$v=19$m=16,t=1,p=4$c2FsdHNhbHQ$MDEyMzQ1Njc4OWFiY2RlZg"));
  }

  void work_area_is_aligned_and_writable() {
    std::uint8_t* area = nullptr;
    std::size_t bytes = std::size_t{kArgon2MemoryKiB} * 1024;
    CPPUNIT_ASSERT_EQUAL(int{ARGON2_OK}, allocate_argon2_work_area(&area, bytes));
    CPPUNIT_ASSERT(area != nullptr);
    CPPUNIT_ASSERT_EQUAL(std::uintptr_t{0}, reinterpret_cast<std::uintptr_t>(area) % (2u << 20));
    std::memset(area, 0xA5, bytes);
    CPPUNIT_ASSERT_EQUAL(std::uint8_t{0xA5}, area[bytes - 1]);
    free_argon2_work_area(area, bytes);
    release_idle_argon2_work_area();
  }

  void work_area_is_kept_between_hashes_until_released() {
    std::size_t bytes = std::size_t{kArgon2MemoryKiB} * 1024;
    std::uint8_t* first = nullptr;
    CPPUNIT_ASSERT_EQUAL(int{ARGON2_OK}, allocate_argon2_work_area(&first, bytes));
    // A second area while the first is in use is a separate one, unmapped when freed.
    std::uint8_t* second = nullptr;
    CPPUNIT_ASSERT_EQUAL(int{ARGON2_OK}, allocate_argon2_work_area(&second, bytes));
    CPPUNIT_ASSERT(second != first);
    free_argon2_work_area(second, bytes);
    free_argon2_work_area(first, bytes);
    CPPUNIT_ASSERT(argon2_work_area_kept());
    std::uint8_t* again = nullptr;
    CPPUNIT_ASSERT_EQUAL(int{ARGON2_OK}, allocate_argon2_work_area(&again, bytes));
    CPPUNIT_ASSERT(again == first);
    release_idle_argon2_work_area();  // in use: nothing happens
    CPPUNIT_ASSERT(argon2_work_area_kept());
    free_argon2_work_area(again, bytes);
    release_idle_argon2_work_area();
    CPPUNIT_ASSERT(!argon2_work_area_kept());
    // Hashing still works after the area was given back.
    std::string hash = hash_password("pw", random_);
    CPPUNIT_ASSERT(verify_password(hash, "pw"));
    release_idle_argon2_work_area();
  }

 private:
  crypto::Random random_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(PasswordHashTest);

}  // namespace xueji

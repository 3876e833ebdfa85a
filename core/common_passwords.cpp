// common_passwords.cpp: the shipped list of common passwords refused by password_policy.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/password_policy.h"

namespace xueji {
namespace {

// Lower-case; matched against the ASCII-lower-cased password, so "Password1234" is caught too.
// Most entries are 12+ characters because shorter ones already fail the length rule: what matters
// is what people type when told "at least 12 characters, three kinds": a keyboard walk, a word
// padded with digits, a word with the current year, local favourites (台灣, 520/1314 = 我愛你一生).
// The classic short ones stay so the list still protects if the length rule is ever relaxed.
// Grouped by theme, several to a line, so the list stays reviewable.
// clang-format off
constexpr std::array kCommonPasswords = std::to_array<std::string_view>({
    // The classic lists' top entries.
    "123456", "password", "12345678", "qwerty", "123456789", "12345", "1234", "111111",
    "1234567", "dragon", "123123", "baseball", "abc123", "football", "monkey", "letmein",
    "shadow", "master", "666666", "qwertyuiop", "123321", "mustang", "1234567890", "michael",
    "654321", "superman", "1qaz2wsx", "7777777", "121212", "000000", "qazwsx", "123qwe",
    "killer", "trustno1", "jordan", "jennifer", "zxcvbnm", "asdfgh", "hunter", "buster",
    "soccer", "harley", "batman", "andrew", "tigger", "sunshine", "iloveyou", "charlie",
    "robert", "thomas", "hockey", "ranger", "daniel", "starwars", "112233", "george",
    "computer", "michelle", "jessica", "pepper", "zxcvbn", "555555", "11111111", "131313",
    "freedom", "777777", "maggie", "159753", "aaaaaa", "ginger", "princess", "joshua",
    "cheese", "amanda", "summer", "ashley", "nicole", "chelsea", "matthew", "access",
    "yankees", "987654321", "dallas", "austin", "thunder", "taylor", "matrix", "welcome",
    "admin", "passw0rd", "p@ssw0rd", "a123456", "a12345678", "aa123456", "qwe123", "asd123",
    "zxc123", "1q2w3e4r", "1qazxsw2", "zaq12wsx", "1qaz@wsx", "!qaz@wsx", "qwer1234",
    "asdf1234", "zxcv1234", "abcd1234", "1234abcd", "abc@1234", "abcd@1234", "147258369",
    "147852369", "159357", "5201314", "1314520", "woaini", "woaini1314", "a123456789",
    // Words and names padded to twelve or more.
    "password1234", "password123!", "password@123", "password12345", "password123456",
    "password!234", "passwordpassword", "p@ssw0rd1234", "p@ssw0rd123!", "p@ssword1234",
    "passw0rd1234", "pa$$w0rd1234", "p@$$w0rd1234", "iloveyou1234", "iloveyou123!",
    "iloveyouiloveyou", "welcome12345", "welcome@1234", "welcome123!@", "admin1234567",
    "admin@123456", "admin@1234567", "administrator", "administrator1", "changeme1234",
    "letmein12345", "football1234", "baseball1234", "sunshine1234", "princess1234",
    "superman1234", "starwars1234", "dragon123456", "monkey123456", "master123456",
    "secret123456", "computer1234", "internet1234", "test12345678", "test@1234567",
    "guest1234567", "user12345678", "login1234567", "hello1234567", "hello@123456",
    "helloworld12", "helloworld123", "google123456", "microsoft123", "samsung12345",
    "apple1234567", "iphone123456", "abcd12345678", "abc123456789", "abcdefg12345",
    "a1234567890", "aa1234567890", "aa123456789", "123456789abc", "1234567890ab",
    "123456abcdef", "abcd@1234567", "aaaa11111111", "aaaaaaaaaaaa", "abcdefghijkl",
    "abcdefghijk1",
    // Keyboard walks, the favourite way to satisfy a complexity rule.
    "qwertyuiop12", "qwertyuiop123", "qwerty123456", "qwerty@12345", "qwerty123456789",
    "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "1qaz@wsx3edc", "1qaz!qaz2wsx", "!qaz2wsx3edc",
    "1qaz@wsx#edc", "!qaz@wsx#edc", "zaq12wsxcde3", "zaq1xsw2cde3", "zaq1@wsx#edc",
    "qazwsxedcrfv", "qazwsxedc123", "123qweasdzxc", "qweasdzxc123", "1q2w3e4r5t6y",
    "q1w2e3r4t5y6", "1q2w3e4r5t6y7u", "1q2w3e4r!q2w", "qwer1234qwer", "qwer1234!@#$",
    "1234qwerasdf", "1234qwer!@#$", "!@#$qwer1234", "!@#$%^qwerty", "asdf1234asdf",
    "abcd1234abcd", "asdfghjkl123", "zxcvbnm12345", "zxcvbnm@1234", "1234567890qwerty",
    "qwertyuiopasdf",
    // Digit runs.
    "123456789012", "111111111111", "000000000000", "123123123123", "1234567890123",
    "123456123456", "112233445566", "121212121212", "987654321000", "1472583690",
    "12345678910", "0987654321",
    // Local favourites: Taiwan, school life, "I love you (forever)" in digits and pinyin.
    "taiwan123456", "taiwan@12345", "taiwan@2024", "taiwan@2025", "taiwan@2026",
    "taipei123456", "taipei101!", "taipei@12345", "school123456", "school@12345",
    "teacher12345", "teacher@1234", "teacher123!", "teacher@12345", "student12345",
    "student@1234", "woaini520131", "woaini1314520", "5201314520", "1314520520",
    "5201314abc", "iloveyou5201314",
    // A word with the current year: what people type at each forced 90-day change.
    "password2024", "password2025", "password2026", "password2027", "password@2024",
    "password@2025", "password@2026", "password@2027", "p@ssw0rd2024", "p@ssw0rd2025",
    "p@ssw0rd2026", "p@ssw0rd2027", "welcome@2024", "welcome@2025", "welcome@2026",
    "welcome@2027", "admin@2024", "admin@2025", "admin@2026", "summer2024!", "summer2025!",
    "summer2026!", "winter2024!", "winter2025!", "winter2026!",
});
// clang-format on

// Sorted once, on first use, for binary search.
const std::vector<std::string_view>& sorted_list() {
  static const std::vector<std::string_view> sorted = [] {
    std::vector<std::string_view> v(kCommonPasswords.begin(), kCommonPasswords.end());
    std::sort(v.begin(), v.end());
    return v;
  }();
  return sorted;
}

}  // namespace

const std::vector<std::string_view>& common_passwords() { return sorted_list(); }

bool is_common_password(std::string_view password) {
  std::string folded(password);
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return std::binary_search(sorted_list().begin(), sorted_list().end(), std::string_view(folded));
}

}  // namespace xueji

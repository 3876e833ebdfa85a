// percent_encoding.h: RFC 3986 percent-encoding, the one copy used by query strings, OTP URIs,
// the session's stored values and the forward-auth headers.
#pragma once
#include <string>
#include <string_view>

namespace xueji {

// The unreserved characters of RFC 3986: A-Z a-z 0-9 - . _ ~
bool is_unreserved(unsigned char c);

// Every byte but the unreserved ones (UTF-8 included) becomes %XX with upper-case hex digits.
std::string percent_encode(std::string_view text);

}  // namespace xueji

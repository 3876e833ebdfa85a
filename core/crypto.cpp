// crypto.cpp: mbedTLS-backed hashes and the per-process CTR_DRBG.
#include "core/crypto.h"

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/md.h>
#include <mbedtls/sha256.h>

#include <stdexcept>
#include <unistd.h>

namespace xueji::crypto {
namespace {

std::string hmac(mbedtls_md_type_t type, std::string_view key, std::string_view data) {
  const mbedtls_md_info_t* info = mbedtls_md_info_from_type(type);
  std::string out(mbedtls_md_get_size(info), '\0');
  if (mbedtls_md_hmac(info, reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                      reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                      reinterpret_cast<unsigned char*>(out.data())) != 0) {
    throw std::runtime_error("mbedtls_md_hmac failed");
  }
  return out;
}

std::string base64_with(std::string_view bytes, const char* alphabet, bool pad) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                 (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    if (rest == 2) out += alphabet[(v >> 6) & 63];
    if (pad) out.append(rest == 1 ? "==" : "=");
  }
  return out;
}

}  // namespace

std::string sha256(std::string_view data) {
  std::string out(32, '\0');
  if (mbedtls_sha256_ret(reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                         reinterpret_cast<unsigned char*>(out.data()), 0) != 0) {
    throw std::runtime_error("mbedtls_sha256_ret failed");
  }
  return out;
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  return hmac(MBEDTLS_MD_SHA256, key, data);
}

std::string hmac_sha1(std::string_view key, std::string_view data) {
  return hmac(MBEDTLS_MD_SHA1, key, data);
}

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string raw(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < raw.size(); ++i) {
    int high = hex_digit_value(hex[2 * i]);
    int low = hex_digit_value(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    raw[i] = static_cast<char>(high * 16 + low);
  }
  return raw;
}

std::string to_hex(std::string_view bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::string base64(std::string_view bytes) {
  return base64_with(bytes, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", true);
}

std::string base64url(std::string_view bytes) {
  return base64_with(bytes, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", false);
}

std::optional<std::string> base64_decode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = c >= 'A' && c <= 'Z'   ? c - 'A'
            : c >= 'a' && c <= 'z' ? c - 'a' + 26
            : c >= '0' && c <= '9' ? c - '0' + 52
            : c == '+'             ? 62
            : c == '/'             ? 63
                                   : -1;
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  // Leftover bits must be zero, or two texts would decode to the same bytes.
  if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

struct Random::State {
  mbedtls_entropy_context entropy;
  mbedtls_ctr_drbg_context drbg;
  State() {
    mbedtls_entropy_init(&entropy);
    mbedtls_ctr_drbg_init(&drbg);
  }
  ~State() {
    mbedtls_ctr_drbg_free(&drbg);
    mbedtls_entropy_free(&entropy);
  }
};

Random::Random() : state_(std::make_unique<State>()) {
  // The personalisation string separates processes forked from one parent even if the entropy
  // source were to repeat itself.
  std::string personal = "xueji-" + std::to_string(::getpid());
  if (mbedtls_ctr_drbg_seed(&state_->drbg, mbedtls_entropy_func, &state_->entropy,
                            reinterpret_cast<const unsigned char*>(personal.data()),
                            personal.size()) != 0) {
    throw std::runtime_error("mbedtls_ctr_drbg_seed failed");
  }
}

Random::~Random() = default;

std::string Random::bytes(std::size_t n) {
  std::string out(n, '\0');
  for (std::size_t done = 0; done < n;) {
    std::size_t chunk = std::min<std::size_t>(n - done, MBEDTLS_CTR_DRBG_MAX_REQUEST);
    if (mbedtls_ctr_drbg_random(&state_->drbg, reinterpret_cast<unsigned char*>(out.data() + done),
                                chunk) != 0) {
      throw std::runtime_error("mbedtls_ctr_drbg_random failed");
    }
    done += chunk;
  }
  return out;
}

std::uint32_t Random::uniform(std::uint32_t bound) {
  if (bound == 0) throw std::invalid_argument("uniform(0)");
  // Reject the top partial range so every value is equally likely.
  const std::uint32_t limit = UINT32_MAX - (UINT32_MAX % bound);
  for (;;) {
    std::string b = bytes(4);
    std::uint32_t v = (static_cast<unsigned char>(b[0]) << 24) |
                      (static_cast<unsigned char>(b[1]) << 16) |
                      (static_cast<unsigned char>(b[2]) << 8) | static_cast<unsigned char>(b[3]);
    if (v < limit) return v % bound;
  }
}

}  // namespace xueji::crypto

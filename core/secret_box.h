// secret_box.h: authenticated encryption (AES-256-GCM, mbedTLS) of small secrets kept in the
// database — the TOTP keys — under a key derived from the server secret, which never is there.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.h"

namespace xueji {

inline constexpr std::size_t kSecretBoxKeyBytes = 32;
inline constexpr std::size_t kSecretBoxNonceBytes = 12;
inline constexpr std::size_t kSecretBoxTagBytes = 16;

// The AES key for TOTP secrets: HMAC-SHA256(server secret, "totp-key"), 32 raw bytes. The label
// keeps it apart from every other key made from the same server secret.
std::string totp_box_key(std::string_view server_secret);

// The AES key for captcha answers kept for the audio captcha: HMAC-SHA256(server secret,
// "captcha-key").
std::string captcha_box_key(std::string_view server_secret);

// nonce (12 random bytes) ‖ ciphertext ‖ tag (16 bytes). `context` is authenticated but not
// stored: a box sealed for one account ("account:42") does not open for another.
std::string seal_secret(std::string_view key, std::string_view plaintext, std::string_view context,
                        crypto::Random& random);
// The plaintext, or nullopt when the box was altered, is too short, or was sealed under another
// key or context.
std::optional<std::string> open_secret(std::string_view key, std::string_view box,
                                       std::string_view context);

}  // namespace xueji

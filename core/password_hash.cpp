// password_hash.cpp: Argon2id through libargon2's context API, so the work area comes from
// allocate_argon2_work_area (see there why); the PHC string is written and read here.
#include "core/password_hash.h"

#include <argon2.h>

#include <charconv>
#include <optional>
#include <stdexcept>

#include "core/argon2_work_area.h"
#include "core/hash_slots.h"

namespace xueji {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

// The raw Argon2id output for these parameters; throws only when libargon2 itself fails.
std::string argon2id_raw(std::string_view password, std::string salt, unsigned memory_kib,
                         unsigned passes, unsigned lanes, std::size_t out_bytes) {
  std::string out(out_bytes, '\0');
  std::string pwd(password);  // libargon2 takes non-const pointers (salt, too: taken by value)
  argon2_context context{};
  context.out = reinterpret_cast<std::uint8_t*>(out.data());
  context.outlen = static_cast<std::uint32_t>(out.size());
  context.pwd = reinterpret_cast<std::uint8_t*>(pwd.data());
  context.pwdlen = static_cast<std::uint32_t>(pwd.size());
  context.salt = reinterpret_cast<std::uint8_t*>(salt.data());
  context.saltlen = static_cast<std::uint32_t>(salt.size());
  context.t_cost = passes;
  context.m_cost = memory_kib;
  context.lanes = lanes;
  context.threads = 1;
  context.version = ARGON2_VERSION_13;
  context.allocate_cbk = allocate_argon2_work_area;
  context.free_cbk = free_argon2_work_area;
  context.flags = ARGON2_DEFAULT_FLAGS;
  HashSlot slot;  // waits while as many hashes run in this worker as there are cores
  int rc = argon2_ctx(&context, Argon2_id);
  if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2: ") + argon2_error_message(rc));
  return out;
}

std::string unpadded_base64(std::string_view bytes) {
  std::string text = crypto::base64(bytes);
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

// Takes "<key>=<number>" off the front of text; the number must lie in [low, high].
std::optional<unsigned> take_parameter(std::string_view& text, std::string_view key,
                                       unsigned low, unsigned high) {
  if (text.substr(0, key.size() + 1) != std::string(key) + "=") return std::nullopt;
  text.remove_prefix(key.size() + 1);
  unsigned value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data() || value < low || value > high) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return value;
}

bool take_literal(std::string_view& text, std::string_view literal) {
  if (text.substr(0, literal.size()) != literal) return false;
  text.remove_prefix(literal.size());
  return true;
}

}  // namespace

std::optional<PasswordHashParts> parse_password_hash(std::string_view text) {
  PasswordHashParts phc;
  if (!take_literal(text, "$argon2id$") || !take_parameter(text, "v", 19, 19) ||
      !take_literal(text, "$")) {
    return std::nullopt;
  }
  auto memory = take_parameter(text, "m", 8, 1u << 18);
  if (!memory || !take_literal(text, ",")) return std::nullopt;
  auto passes = take_parameter(text, "t", 1, 16);
  if (!passes || !take_literal(text, ",")) return std::nullopt;
  auto lanes = take_parameter(text, "p", 1, 8);
  if (!lanes || !take_literal(text, "$")) return std::nullopt;
  std::size_t dollar = text.find('$');
  if (dollar == std::string_view::npos) return std::nullopt;
  auto salt = crypto::base64_decode(text.substr(0, dollar));
  auto hash = crypto::base64_decode(text.substr(dollar + 1));
  if (!salt || !hash || salt->size() < 8 || salt->size() > 64 || hash->size() < 16 ||
      hash->size() > 64 || *memory < 8 * *lanes) {
    return std::nullopt;
  }
  phc.memory_kib = *memory;
  phc.passes = *passes;
  phc.lanes = *lanes;
  phc.salt = std::move(*salt);
  phc.hash = std::move(*hash);
  return phc;
}

std::string format_password_hash(const PasswordHashParts& parts) {
  return "$argon2id$v=19$m=" + std::to_string(parts.memory_kib) +
         ",t=" + std::to_string(parts.passes) + ",p=" + std::to_string(parts.lanes) + "$" +
         unpadded_base64(parts.salt) + "$" + unpadded_base64(parts.hash);
}

std::string hash_password(std::string_view password, crypto::Random& random) {
  PasswordHashParts parts;
  parts.memory_kib = kArgon2MemoryKiB;
  parts.passes = kArgon2Passes;
  parts.lanes = 1;
  parts.salt = random.bytes(kSaltBytes);
  parts.hash =
      argon2id_raw(password, parts.salt, parts.memory_kib, parts.passes, parts.lanes, kHashBytes);
  return format_password_hash(parts);
}

bool verify_password(std::string_view phc_hash, std::string_view password) {
  auto phc = parse_password_hash(phc_hash);
  if (!phc) return false;
  std::string computed =
      argon2id_raw(password, phc->salt, phc->memory_kib, phc->passes, phc->lanes, phc->hash.size());
  return crypto::constant_time_equal(computed, phc->hash);
}

const std::string& dummy_password_hash() {
  // Hash of a random value made once per process: same parameters, so the same cost.
  static const std::string hash = [] {
    crypto::Random random;
    return hash_password(random.token(24), random);
  }();
  return hash;
}

}  // namespace xueji

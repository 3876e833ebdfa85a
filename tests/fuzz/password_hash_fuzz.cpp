// password_hash_fuzz.cpp: the PHC string parser keeps its bounds, and what it accepts is written
// back canonically and read back the same. For cheap parameters the canonical string with a
// real hash in it is checked end to end against libargon2's own verifier.
#include <argon2.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/password_hash.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xueji;
  std::string_view text = fuzz::as_text(data, size);
  auto parts = parse_password_hash(text);
  if (!parts) {
    FUZZ_CHECK(!verify_password(text, ""));  // refused by the parser, before any hashing
    return 0;
  }

  FUZZ_CHECK(parts->memory_kib >= 8 && parts->memory_kib <= (1u << 18));
  FUZZ_CHECK(parts->passes >= 1 && parts->passes <= 16);
  FUZZ_CHECK(parts->lanes >= 1 && parts->lanes <= 8);
  FUZZ_CHECK(parts->memory_kib >= 8 * parts->lanes);
  FUZZ_CHECK(parts->salt.size() >= 8 && parts->salt.size() <= 64);
  FUZZ_CHECK(parts->hash.size() >= 16 && parts->hash.size() <= 64);

  std::string canonical = format_password_hash(*parts);
  auto reread = parse_password_hash(canonical);
  FUZZ_CHECK(reread == parts);
  FUZZ_CHECK(format_password_hash(*reread) == canonical);

  // One lane (libargon2's verifier would start threads for more) and little work: hash a
  // password with these parameters and both verifiers must agree on right and wrong.
  if (parts->lanes == 1 && parts->memory_kib <= 64 && parts->passes <= 2) {
    const std::string password = "pw";
    PasswordHashParts real = *parts;
    int rc = argon2id_hash_raw(real.passes, real.memory_kib, real.lanes, password.data(),
                               password.size(), real.salt.data(), real.salt.size(),
                               real.hash.data(), real.hash.size());
    FUZZ_CHECK(rc == ARGON2_OK);
    std::string phc = format_password_hash(real);
    FUZZ_CHECK(verify_password(phc, password));
    FUZZ_CHECK(!verify_password(phc, "pW"));
    FUZZ_CHECK(argon2id_verify(phc.c_str(), password.data(), password.size()) == ARGON2_OK);
    FUZZ_CHECK(argon2id_verify(phc.c_str(), "pW", 2) == ARGON2_VERIFY_MISMATCH);
  }
  return 0;
}

// email_address_fuzz.cpp: an address email_problem accepts is one the mailer accepts too
// (is_plain_address), within the length limits, and normalize_email keeps it acceptable and is
// idempotent.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/email_address.h"
#include "core/mail_format.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xueji;
  std::string_view address = fuzz::as_text(data, size);
  EmailProblem problem = email_problem(address);
  FUZZ_CHECK((problem == EmailProblem::kNone) == email_problem_message(problem).empty());
  if (problem != EmailProblem::kNone) return 0;
  FUZZ_CHECK(address.size() <= kEmailMaxLength);
  FUZZ_CHECK(address.find('@') <= kEmailLocalMaxLength);
  FUZZ_CHECK(is_plain_address(address));
  std::string normalized = normalize_email(address);
  FUZZ_CHECK(normalized.size() == address.size());
  FUZZ_CHECK(email_problem(normalized) == EmailProblem::kNone);
  FUZZ_CHECK(is_plain_address(normalized));
  FUZZ_CHECK(normalize_email(normalized) == normalized);
  FUZZ_CHECK(mailbox_address(normalized) == normalized);
  return 0;
}

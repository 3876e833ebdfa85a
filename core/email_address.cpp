// email_address.cpp: syntax of the E-Mail the wizard sends its code to.
#include "core/email_address.h"

namespace xueji {
namespace {

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_atom_char(char c) {
  static constexpr std::string_view kSpecials = "!#$%&'*+/=?^_`{|}~-";
  return is_letter(c) || is_digit(c) || kSpecials.find(c) != std::string_view::npos;
}

// Dot-atom: atoms of atom characters joined by single dots.
bool valid_local_part(std::string_view local) {
  if (local.empty() || local.front() == '.' || local.back() == '.') return false;
  char previous = 0;
  for (char c : local) {
    if (c == '.') {
      if (previous == '.') return false;
    } else if (!is_atom_char(c)) {
      return false;
    }
    previous = c;
  }
  return true;
}

bool valid_label(std::string_view label) {
  if (label.empty() || label.size() > kEmailLabelMaxLength) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  for (char c : label) {
    if (!is_letter(c) && !is_digit(c) && c != '-') return false;
  }
  return true;
}

bool valid_domain(std::string_view domain) {
  int labels = 0;
  std::string_view last;
  while (true) {
    std::size_t dot = domain.find('.');
    std::string_view label = domain.substr(0, dot);
    if (!valid_label(label)) return false;
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  // A top-level domain is never all digits; "1.2.3.4" is an address, not a domain.
  bool last_has_letter = false;
  for (char c : last) last_has_letter = last_has_letter || is_letter(c);
  return labels >= 2 && last_has_letter;
}

}  // namespace

EmailProblem email_problem(std::string_view address) {
  if (address.empty()) return EmailProblem::kEmpty;
  for (char c : address) {
    auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || b <= 0x20 || b == 0x7F) return EmailProblem::kNotAscii;
  }
  std::size_t at = address.rfind('@');
  if (address.size() > kEmailMaxLength) return EmailProblem::kTooLong;
  if (at != std::string_view::npos && at > kEmailLocalMaxLength) return EmailProblem::kTooLong;
  if (at == std::string_view::npos || address.find('@') != at) return EmailProblem::kFormat;
  if (!valid_local_part(address.substr(0, at))) return EmailProblem::kFormat;
  if (!valid_domain(address.substr(at + 1))) return EmailProblem::kFormat;
  return EmailProblem::kNone;
}

std::string_view email_problem_message(EmailProblem problem) {
  switch (problem) {
    case EmailProblem::kNone:
      return {};
    case EmailProblem::kEmpty:
      return kEmailEmptyMessage;
    case EmailProblem::kNotAscii:
      return kEmailNotAsciiMessage;
    case EmailProblem::kTooLong:
      return kEmailTooLongMessage;
    case EmailProblem::kFormat:
      return kEmailFormatMessage;
  }
  return kEmailFormatMessage;
}

std::string normalize_email(std::string_view address) {
  std::string out(address);
  std::size_t at = out.rfind('@');
  if (at == std::string::npos) return out;
  for (std::size_t i = at + 1; i < out.size(); ++i) {
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
  }
  return out;
}

}  // namespace xueji

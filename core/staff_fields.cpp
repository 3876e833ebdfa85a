// staff_fields.cpp: the field checks of staff_fields.h.
#include "core/staff_fields.h"

#include "core/national_id.h"
#include "core/phone.h"
#include "core/utf8.h"

namespace xueji {
namespace {

constexpr int kFirstBirthYear = 1900;

bool has_control_character(std::string_view text) {
  for (char c : text) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) return true;
  }
  return false;
}

// "dddd-dd-dd": shaped like a date, so a refusal can say what is wrong with its value.
bool date_shaped(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

// Text for people: a name must be one line of printable, well-formed UTF-8.
std::string text_problem(std::string_view text, std::string_view what, std::size_t max_length) {
  std::string label(what);
  if (text.empty()) return label + "未填";
  if (!is_valid_utf8(text)) return label + "不是有效的 UTF-8 文字";
  if (has_control_character(text)) return label + "含有控制字元（例如換行或定位字元）";
  if (utf8_length(text) > max_length) {
    return label + "不可超過 " + std::to_string(max_length) + " 個字";
  }
  return "";
}

}  // namespace

std::string trimmed(std::string_view text) {
  std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  std::size_t last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

std::string national_id_problem(std::string_view raw, std::string& normalized) {
  normalized = normalize_national_id(raw);
  if (normalized.empty()) return "身分證/外籍人士統一證號未填";
  if (!is_valid_national_id(normalized)) {
    return "身分證/外籍人士統一證號不正確（格式或檢查碼不符）";
  }
  return "";
}

std::string birth_date_problem(std::string_view raw, TimePoint now, CivilDate& date) {
  std::string text = trimmed(raw);
  if (text.empty()) return "出生日期未填";
  auto parsed = parse_iso_date(text);
  if (!parsed) {
    if (date_shaped(text) && std::stoi(text.substr(0, 4)) < kFirstBirthYear) {
      return "出生日期不可早於 1900-01-01";
    }
    return "出生日期須為 yyyy-mm-dd 格式的實際日期（例如 1985-03-14）";
  }
  if (*parsed > taipei_date(now)) return "出生日期不可晚於今天";
  date = *parsed;
  return "";
}

std::string staff_name_problem(std::string_view name) {
  return text_problem(name, "姓名", kMaxStaffNameLength);
}

std::string phone_problem(std::string_view raw, std::optional<std::string>& phone) {
  phone.reset();
  std::string text = trimmed(raw);
  if (text.empty()) return "";
  auto normalized = normalize_phone(text);
  if (!normalized) return std::string(kPhoneInvalid);
  phone = *normalized;
  return "";
}

std::string school_code_problem(std::string_view code) {
  if (code.empty() || code.size() > 16)
    return "學校代碼須為 1 至 16 個英文字母或數字（例如 193601）";
  for (char c : code) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!ok) return "學校代碼須為 1 至 16 個英文字母或數字（例如 193601）";
  }
  return "";
}

std::string school_name_problem(std::string_view name) {
  return text_problem(name, "學校名稱", kMaxSchoolNameLength);
}

bool is_known_duty(std::string_view duty) {
  for (std::string_view known : kDuties) {
    if (known == duty) return true;
  }
  return false;
}

std::string known_duties_text() {
  std::string text;
  for (std::string_view duty : kDuties) {
    if (!text.empty()) text += "、";
    text += duty;
  }
  return text;
}

std::vector<std::string> check_staff_input(std::string_view national_id, std::string_view name,
                                           std::string_view birth_date, std::string_view phone,
                                           TimePoint now, StaffInput& out) {
  std::vector<std::string> problems;
  if (std::string p = national_id_problem(national_id, out.national_id); !p.empty()) {
    problems.push_back(p);
  }
  out.name = trimmed(name);
  if (std::string p = text_problem(out.name, "姓名", kMaxStaffNameLength); !p.empty()) {
    problems.push_back(p);
  }
  if (std::string p = birth_date_problem(birth_date, now, out.birth_date); !p.empty()) {
    problems.push_back(p);
  }
  out.phone.reset();
  std::string phone_text = trimmed(phone);
  if (!phone_text.empty()) {
    if (auto normalized = normalize_phone(phone_text)) {
      out.phone = *normalized;
    } else {
      problems.emplace_back(kPhoneInvalid);
    }
  }
  return problems;
}

}  // namespace xueji

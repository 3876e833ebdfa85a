// identity_fields.cpp: field messages for an ID number and a birth date.
#include "core/identity_fields.h"

#include "core/national_id.h"

namespace xueji {

std::string national_id_field_error(const std::string& national_id) {
  if (national_id.empty()) return "請輸入身分證/外籍人士統一證號。";
  if (!is_valid_national_id(national_id)) {
    return "身分證/外籍人士統一證號格式不正確，請確認後重新輸入（例如 A123456789）。";
  }
  return "";
}

std::string birth_date_field_error(const std::string& birth_date, CivilDate today) {
  if (birth_date.empty()) return "請輸入出生年月日。";
  auto birth = parse_iso_date(birth_date);
  if (!birth) {
    return "出生年月日格式不正確，請依 yyyy-mm-dd 格式輸入實際存在的日期（例如 1986-01-02）。";
  }
  if (*birth > today) return "出生年月日不可晚於今天，請確認後重新輸入。";
  return "";
}

}  // namespace xueji

// identity_fields.h: the messages next to the ID number and birth-date fields of 身分驗證, 忘記密碼
// and 忘記帳號, from the entries alone (no database): they say nothing about any person.
#pragma once
#include <string>

#include "core/taipei_time.h"

namespace xueji {

// For a national_id already normalize_national_id()'d; "" when it is a well-formed 身分證字號 or
// 外籍人士統一證號.
std::string national_id_field_error(const std::string& national_id);
// "" when birth_date is a real yyyy-mm-dd date no later than `today` (the Taipei date).
std::string birth_date_field_error(const std::string& birth_date, CivilDate today);

}  // namespace xueji

// staff_fields.h: checks of what an administrator types for schools, staff records and duties,
// shared by xueji-ctl (`staff add`, `staff import`, `duty assign`, `school add`) and the AA
// console (/admin/…); each problem is a zh-TW sentence for the person fixing the input. The
// clear ID number is never echoed back.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/taipei_time.h"

namespace xueji {

// The duties a school assigns per school year (contract.md §4).
// 校長代理人: the agent the 校長 names to manage the 例外人員 (manual 二.2(3)).
inline constexpr std::array<std::string_view, 11> kDuties = {
    "校長", "教務", "人事", "學務", "總務", "輔導", "導師", "任課教師", "例外人員", "學校權限AA",
    "校長代理人"};

inline constexpr std::size_t kMaxStaffNameLength = 50;    // characters, as the column holds
inline constexpr std::size_t kMaxSchoolNameLength = 100;  // likewise

// A staff record as typed, checked and normalized.
struct StaffInput {
  std::string national_id;  // normalized (upper case), valid check digit
  std::string name;         // trimmed
  CivilDate birth_date;
  std::optional<std::string> phone;  // canonical form, nullopt when left empty
};

// Checks the four fields; returns every problem (empty means `out` is filled and valid).
std::vector<std::string> check_staff_input(std::string_view national_id, std::string_view name,
                                           std::string_view birth_date, std::string_view phone,
                                           TimePoint now, StaffInput& out);

// One field each; "" when acceptable.
std::string national_id_problem(std::string_view raw, std::string& normalized);
std::string birth_date_problem(std::string_view raw, TimePoint now, CivilDate& date);
std::string staff_name_problem(std::string_view name);
// Empty or a valid phone (canonical form into `phone`, nullopt when empty).
std::string phone_problem(std::string_view raw, std::optional<std::string>& phone);
std::string school_code_problem(std::string_view code);
std::string school_name_problem(std::string_view name);
bool is_known_duty(std::string_view duty);
std::string known_duties_text();  // "校長、教務、…"

// Without ASCII spaces and tabs at either end.
std::string trimmed(std::string_view text);

}  // namespace xueji

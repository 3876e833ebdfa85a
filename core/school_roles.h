// school_roles.h: who configures what at a school (manual 二; issue 18) — the school's 學校權限AA
// holder the administrative duties (行政職務, within the county's approved staffing), 人事 the
// 導師, 教務 the 任課教師, 校長 the 例外人員 — judged from the duties a person holds at that school
// in the active school year. The 校長 may name a 校長代理人, who then manages the 例外人員 too.
// Rules without I/O; the console's handlers and stores ask here.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace xueji {

inline constexpr std::string_view kDutyAa = "學校權限AA";
inline constexpr std::string_view kDutyPrincipal = "校長";
inline constexpr std::string_view kDutyAcademic = "教務";
inline constexpr std::string_view kDutyPersonnel = "人事";
inline constexpr std::string_view kDutyHomeroom = "導師";
inline constexpr std::string_view kDutyTeacher = "任課教師";
inline constexpr std::string_view kDutyException = "例外人員";
inline constexpr std::string_view kDutyPrincipalAgent = "校長代理人";

// 「縣市必須先核定員額編制，學校方能配置各處室行政人員」: the duties the county approves a number
// of, and the school's AA assigns.
bool is_administrative_duty(std::string_view duty);

// What a person may do in the console at one school.
struct SchoolRights {
  bool aa = false;         // 學校權限AA: staff records, administrative duties, account help
  bool personnel = false;  // 人事: 導師
  bool academic = false;   // 教務: 任課教師
  bool principal = false;  // 校長: 例外人員, and who is the 校長代理人
  bool agent = false;      // 校長代理人: 例外人員
  bool any() const { return aa || personnel || academic || principal || agent; }
};

SchoolRights rights_from_duties(const std::vector<std::string>& duties);

// Whether these rights may assign or remove `duty` (a known duty).
bool may_configure_duty(const SchoolRights& rights, std::string_view duty);

// The duties these rights may configure, in the order of the duty list.
std::vector<std::string> configurable_duties(const SchoolRights& rights);

}  // namespace xueji

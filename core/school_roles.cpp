// school_roles.cpp: the rules of school_roles.h.
#include "core/school_roles.h"

#include "core/staff_fields.h"

namespace xueji {

bool is_administrative_duty(std::string_view duty) {
  return is_known_duty(duty) && duty != kDutyHomeroom && duty != kDutyTeacher &&
         duty != kDutyException && duty != kDutyPrincipalAgent;
}

SchoolRights rights_from_duties(const std::vector<std::string>& duties) {
  SchoolRights rights;
  for (const std::string& duty : duties) {
    if (duty == kDutyAa) rights.aa = true;
    if (duty == kDutyPersonnel) rights.personnel = true;
    if (duty == kDutyAcademic) rights.academic = true;
    if (duty == kDutyPrincipal) rights.principal = true;
    if (duty == kDutyPrincipalAgent) rights.agent = true;
  }
  return rights;
}

bool may_configure_duty(const SchoolRights& rights, std::string_view duty) {
  if (is_administrative_duty(duty)) return rights.aa;
  if (duty == kDutyHomeroom) return rights.personnel;
  if (duty == kDutyTeacher) return rights.academic;
  if (duty == kDutyException) return rights.principal || rights.agent;
  if (duty == kDutyPrincipalAgent) return rights.principal;
  return false;
}

std::vector<std::string> configurable_duties(const SchoolRights& rights) {
  std::vector<std::string> out;
  for (std::string_view duty : kDuties) {
    if (may_configure_duty(rights, duty)) out.emplace_back(duty);
  }
  return out;
}

}  // namespace xueji

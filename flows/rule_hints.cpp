// rule_hints.cpp: the include dictionaries of the rule hints.
#include "flows/rule_hints.h"

#include <string>

namespace xueji {

void add_account_hint(ctemplate::TemplateDictionary& body, std::string_view id) {
  auto* hint = body.AddIncludeDictionary("ACCOUNT_HINT");
  hint->SetFilename("account_rules_hint.tpl");
  hint->SetValue("HINT_ID", std::string(id));
}

void add_password_hint(ctemplate::TemplateDictionary& body, std::string_view id,
                       bool mentions_reuse) {
  auto* hint = body.AddIncludeDictionary("PASSWORD_HINT");
  hint->SetFilename("password_rules_hint.tpl");
  hint->SetValue("HINT_ID", std::string(id));
  if (mentions_reuse) hint->ShowSection("REUSE");
}

}  // namespace xueji

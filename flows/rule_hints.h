// rule_hints.h: the account and password rule hints (html/account_rules_hint.tpl and
// html/password_rules_hint.tpl), one text each for every page that shows them.
#pragma once
#include <string_view>

#include <ctemplate/template.h>

namespace xueji {

// Fills the page's ACCOUNT_HINT include; `id` is the hint's element id.
void add_account_hint(ctemplate::TemplateDictionary& body, std::string_view id);
// Fills the page's PASSWORD_HINT include; `mentions_reuse` for an account that has earlier
// passwords (changing or resetting one, not opening it).
void add_password_hint(ctemplate::TemplateDictionary& body, std::string_view id,
                       bool mentions_reuse);

}  // namespace xueji

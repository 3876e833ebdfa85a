// form.h: small helpers every form page uses: bounded field values and messages next to fields.
#pragma once
#include <string>
#include <string_view>

#include <ctemplate/template.h>

#include "fcgi/http.h"

namespace xueji {

// The field's value, trimmed of surrounding ASCII spaces, refused (400) when longer than
// max_bytes: every field has a bound before any rule looks at it.
std::string form_value(const http::Request& req, std::string_view name, std::size_t max_bytes);
// Shows the section (e.g. "CAPTCHA_ERROR") with {{TEXT}} = text.
void show_message(ctemplate::TemplateDictionary& dict, const char* section, std::string_view text);

}  // namespace xueji

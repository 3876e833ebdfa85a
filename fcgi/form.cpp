// form.cpp: bounded field values and field messages.
#include "fcgi/form.h"

namespace xueji {

std::string form_value(const http::Request& req, std::string_view name, std::size_t max_bytes) {
  std::string_view v = req.field(name);
  if (v.size() > max_bytes) throw http::bad_request("field over its bound: " + std::string(name));
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return std::string(v);
}

void show_message(ctemplate::TemplateDictionary& dict, const char* section, std::string_view text) {
  dict.AddSectionDictionary(section)->SetValue("TEXT", std::string(text));
}

}  // namespace xueji

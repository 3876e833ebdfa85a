// templates.h: ctemplate loading (before fork, then frozen) and page rendering in the layout.
#pragma once
#include <string>
#include <string_view>

#include <ctemplate/template.h>

namespace xueji {

struct Context;

class Templates {
 public:
  // Loads every *.tpl under dir into ctemplate's cache and freezes it; throws naming the file
  // that failed (a missing AUTOESCAPE pragma fails here).
  explicit Templates(const std::string& dir);
  std::string expand(std::string_view name, const ctemplate::TemplateDictionary& dict) const;
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

// A page: html/layout.tpl around html/<body_template>. `body` is the include dictionary that the
// page's fill function writes into; the layout's own values (title, test-mode banner) are set here.
class Page {
 public:
  Page(std::string title, std::string body_template);
  ctemplate::TemplateDictionary& body() { return *body_; }
  ctemplate::TemplateDictionary& layout() { return root_; }
  std::string render(const Context& ctx);

 private:
  ctemplate::TemplateDictionary root_;
  ctemplate::TemplateDictionary* body_;  // owned by root_
  std::string body_template_;
};

}  // namespace xueji

// templates.cpp: loads every template before fork and renders pages inside the shared layout.
#include "fcgi/templates.h"

#include <ctemplate/template_cache.h>

#include <filesystem>
#include <stdexcept>

#include "fcgi/context.h"

namespace xueji {

Templates::Templates(const std::string& dir) : dir_(dir) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw std::runtime_error("template directory not found: " + dir);
  ctemplate::TemplateCache* cache = ctemplate::mutable_default_template_cache();
  cache->SetTemplateRootDirectory(dir);
  int loaded = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".tpl") continue;
    std::string name = entry.path().filename().string();
    if (!cache->LoadTemplate(name, ctemplate::STRIP_WHITESPACE)) {
      throw std::runtime_error("template failed to load: " + name);
    }
    ++loaded;
  }
  if (loaded == 0) throw std::runtime_error("no templates in " + dir);
  // Frozen: no file system access after this, and children share the parsed templates.
  cache->Freeze();
}

std::string Templates::expand(std::string_view name, const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  if (!ctemplate::ExpandTemplate(std::string(name), ctemplate::STRIP_WHITESPACE, &dict, &out)) {
    throw std::runtime_error("template failed to expand: " + std::string(name));
  }
  return out;
}

Page::Page(std::string title, std::string body_template)
    : root_("layout"), body_template_(std::move(body_template)) {
  root_.SetValue("TITLE", title);
  body_ = root_.AddIncludeDictionary("CONTENT");
  body_->SetFilename(body_template_);
}

std::string Page::render(const Context& ctx) {
  // The visible banner is what keeps a test-mode deployment from passing for a real one.
  if (ctx.config.test_mode) {
    auto* banner = root_.AddSectionDictionary("TEST_MODE");
    banner->SetValue("CAPTCHA_FIXED", ctx.config.captcha_fixed.value_or("（未設定）"));
  }
  return ctx.templates.expand("layout.tpl", root_);
}

}  // namespace xueji

// apply_done.cpp: wizard step 4, 申請完成 (manual 四 ㉑–㉓) — GET /apply/done tells the person the
// account is ready and where the success mail went, with 「返回登入頁面」.
#include "fcgi/handler.h"
#include "fcgi/templates.h"
#include "flows/wizard.h"

xueji::http::Response handle_apply_done(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  using wizard::Step;
  wizard::Entry entry = wizard::enter(req, ctx, {Step::kDone});
  if (!entry.session) return entry.response;
  Page page("申請完成", "apply_done.tpl");
  auto& body = page.body();
  wizard::add_step_bar(body, Step::kDone);
  body.SetValue("EMAIL", entry.session->value(wizard::kEmailKey));
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

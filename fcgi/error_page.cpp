// error_page.cpp: renders html/error.tpl, falling back to plain text if even that fails.
#include "fcgi/error_page.h"

namespace xueji {

http::Response error_page(int status, const std::string& code, const std::string& message,
                          const std::string& request_id, Context& ctx) {
  http::Response r;
  r.status = status;
  try {
    Page page("錯誤", "error.tpl");
    page.body().SetIntValue("STATUS", status);
    page.body().SetValue("CODE", code);
    page.body().SetValue("MESSAGE", message);
    page.body().SetValue("REQUEST_ID", request_id.empty() ? "-" : request_id);
    r.body = page.render(ctx);
  } catch (const std::exception&) {
    r.content_type = "text/plain; charset=utf-8";
    r.body = message + "\n錯誤代碼：" + code + "\n請求編號：" + request_id + "\n";
  }
  return r;
}

}  // namespace xueji

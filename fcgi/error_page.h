// error_page.h: the short zh-TW page shown for a request that could not continue.
#pragma once
#include <string>

#include "fcgi/context.h"
#include "fcgi/http.h"

namespace xueji {

http::Response error_page(int status, const std::string& code, const std::string& message,
                          const std::string& request_id, Context& ctx);

}  // namespace xueji

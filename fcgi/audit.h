// audit.h: an audit-log row for the current web request (client address and request id filled in).
#pragma once
#include <string>

#include "fcgi/context.h"
#include "fcgi/http.h"

namespace xueji {

void audit_request(Context& ctx, const http::Request& req, const std::string& actor,
                   const std::string& action, const std::string& target);

}  // namespace xueji

// audit.h: an audit-log row for the current web request (client address and request id filled in).
#pragma once
#include <cstdint>
#include <string>

#include "fcgi/context.h"
#include "fcgi/http.h"

namespace xueji {

// Inside a transaction the row is part of it. Otherwise it is written before the answer, unless
// another request waits for this child: then it may be kept back a moment and written with the
// next ones (fcgi/audit_batch.h).
void audit_request(Context& ctx, const http::Request& req, const std::string& actor,
                   const std::string& action, const std::string& target);
// The same, for an action of the AA console about one school: the row shows on that school's
// audit page (/admin/audit).
void audit_school(Context& ctx, const http::Request& req, const std::string& actor,
                  const std::string& action, const std::string& target, std::int64_t school_id);

// Writes the rows kept back, when they are due (or all of them, when `all`). Throws what the
// database throws: while it is unreachable the rows stay kept, any other refusal drops them.
void write_kept_audit_rows(Context& ctx, bool all);

}  // namespace xueji

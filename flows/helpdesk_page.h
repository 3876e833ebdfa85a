// helpdesk_page.h: the 諮詢專員's page (/helpdesk), shared by its search and by /helpdesk/email,
// which re-renders it with a refusal: the search form, the account found (name, masked ID
// number, schools and duties, e-mail and whether it is verified, lock) and its e-mail reset form.
#pragma once
#include <optional>
#include <string>

#include "fcgi/context.h"
#include "fcgi/http.h"
#include "flows/admin_console.h"

namespace xueji::admin {

struct HelpdeskView {
  std::string account;      // the search fields as typed (never the ID number back)
  std::string birth_date;
  std::optional<std::int64_t> found;  // the account found
  bool searched = false;
  std::string search_error;
  std::string email;        // the e-mail reset form as typed
  std::string reason;
  std::string email_error;
};

http::Response helpdesk_page(Context& ctx, Console& console, const HelpdeskView& view);

}  // namespace xueji::admin

// apply_account.cpp: GET,POST /apply/account — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_apply_account(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

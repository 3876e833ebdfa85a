// account_change.cpp: GET,POST /account/change — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_account_change(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

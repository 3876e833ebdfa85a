// forgot_account.cpp: GET,POST /forgot/account — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_forgot_account(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

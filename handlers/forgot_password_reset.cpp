// forgot_password_reset.cpp: GET,POST /forgot/password/reset — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_forgot_password_reset(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

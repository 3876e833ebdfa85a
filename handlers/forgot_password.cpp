// forgot_password.cpp: GET,POST /forgot/password — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_forgot_password(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

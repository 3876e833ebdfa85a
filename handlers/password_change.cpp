// password_change.cpp: GET,POST /password/change — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_password_change(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

// apply_email.cpp: GET,POST /apply/email — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_apply_email(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

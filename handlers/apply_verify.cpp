// apply_verify.cpp: GET,POST /apply/verify — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_apply_verify(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

// apply_identity.cpp: GET,POST /apply/identity — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_apply_identity(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

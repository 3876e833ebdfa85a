// twofa_bind.cpp: GET,POST /2fa/bind — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_twofa_bind(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

// twofa.cpp: GET,POST /2fa — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_twofa(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

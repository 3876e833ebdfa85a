// twofa_qr.cpp: GET /2fa/qr — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_twofa_qr(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

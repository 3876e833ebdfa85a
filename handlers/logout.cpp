// logout.cpp: POST /logout — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_logout(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

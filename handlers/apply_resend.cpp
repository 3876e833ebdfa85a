// apply_resend.cpp: POST /apply/resend — not built yet: answers 404 until its issue lands.
#include "fcgi/handler.h"

xueji::http::Response handle_apply_resend(const xueji::http::Request&, xueji::Context&) {
  throw xueji::http::not_found();
}

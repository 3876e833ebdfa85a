// hello.cpp: a trivial page with no database or template work: the benchmark's transport ceiling.
#include "fcgi/handler.h"

xueji::http::Response handle_hello(const xueji::http::Request&, xueji::Context&) {
  return xueji::http::Response::text(200, "hello\n");
}

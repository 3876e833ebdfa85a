// handler.h: the shape of every route, the route a worker serves (from nginx/routes), and the
// runtime entry point a worker's main calls.
#pragma once
#include <string_view>

#include "fcgi/context.h"
#include "fcgi/http.h"

namespace xueji {

using Handler = http::Response (*)(const http::Request&, Context&);

// One line of nginx/routes as the worker sees it: CMake writes it into the generated main, so
// the list of routes and their methods exists once.
struct Route {
  const char* worker;   // "apply-identity": the program is xueji-<worker>
  const char* methods;  // "GET,POST" as nginx/routes lists them; GET also admits HEAD
  Handler handler;
  // "text-body" in nginx/routes: the form carries one large text field (a CSV), so the body may
  // be up to 2 MiB and values may hold line breaks (http::text_body_limits()).
  bool text_body = false;
};

// Whether `method` is one of the comma-separated `methods` (HEAD counts as GET).
bool method_allowed(std::string_view methods, std::string_view method);

// Runs the prefork master for one route (socket on fd 0, or --listen PATH) and serves its
// handler in each child. Returns the process exit code.
int run_worker(const Route& route, int argc, char** argv);

}  // namespace xueji

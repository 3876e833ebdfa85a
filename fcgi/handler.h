// handler.h: the shape of every route, and the runtime entry point a worker's main calls.
#pragma once
#include "fcgi/context.h"
#include "fcgi/http.h"

namespace xueji {

using Handler = http::Response (*)(const http::Request&, Context&);

// Runs the prefork master for one route (socket on fd 0, or --listen PATH) and serves `handler`
// in each child. Returns the process exit code.
int run_worker(const char* route, Handler handler, int argc, char** argv);

}  // namespace xueji

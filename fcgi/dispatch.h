// dispatch.h: one request in, one response out. The only place where failures are caught.
#pragma once
#include <functional>
#include <string>

#include "fcgi/handler.h"
#include "fcgi/parse.h"

namespace xueji {

// Reads exactly n bytes of the request body.
using BodyReader = std::function<std::string(std::size_t n)>;

// Refuses a method the route does not list (405 with Allow, before any body is read), parses the
// request (bounded: the body is read only after CONTENT_LENGTH passed the cap), runs the handler, turns any exception into a short zh-TW error page with an error code, adds the
// session cookies and standard headers, and writes one log line to stderr.
http::Response dispatch(const Route& route, const http::Env& env, const BodyReader& read_body,
                        Context& ctx);

// The HTTP/1.1 text of a response as a FastCGI responder sends it ("Status: …" first).
std::string serialize_response(const http::Response& response, bool include_body);

}  // namespace xueji

-- session_cookies.lua: GETs spread over many visitors' sessions (XUEJI_BENCH_COOKIES lists one
-- session cookie value per line), as real captcha requests are: each from a page that has
-- already given its visitor a session.
local cookies = {}
for line in io.lines(os.getenv("XUEJI_BENCH_COOKIES")) do table.insert(cookies, line) end
local next_cookie = 0

function request()
  next_cookie = next_cookie % #cookies + 1
  return wrk.format("GET", nil, { ["Cookie"] = "xueji_session=" .. cookies[next_cookie] })
end

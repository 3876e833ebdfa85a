-- identity_post.lua: POST /apply/identity alone, once per prepared visitor whose session already
-- holds a captcha for the form (XUEJI_BENCH_CAPTCHA_SESSIONS, made by captcha_sessions.py), for
-- a person who already has an account: the whole check runs, and 「您已申請過個人業務帳號」
-- changes nothing.
--
-- There is no response() callback: with one, wrk hands every 5 KB page to Lua, which on two
-- cores takes CPU from the server being measured (the hello ceiling is measured without Lua
-- too). Each request is built once, before the run. What each POST did is counted afterwards
-- from the audit log (one apply.identity.has_account row per completed check), by
-- bench_more.sh.
local requests = {}
local next_request = 1

function setup(thread)
  thread_count = (thread_count or 0) + 1
  thread:set("id", thread_count)
end

function init(args)
  local threads = tonumber(os.getenv("XUEJI_BENCH_THREADS"))
  local national_id = os.getenv("XUEJI_BENCH_ID")
  local birth_date = os.getenv("XUEJI_BENCH_BIRTH")
  local n = 0
  for line in io.lines(os.getenv("XUEJI_BENCH_CAPTCHA_SESSIONS")) do
    -- Thread k takes sessions k, k + threads, …: no two threads share one.
    if n % threads == id - 1 then
      local cookie, csrf = string.match(line, "^(%S+) (%S+)")
      table.insert(requests, wrk.format("POST", "/apply/identity", {
        ["Cookie"] = "xueji_session=" .. cookie,
        ["Content-Type"] = "application/x-www-form-urlencoded",
      }, "csrf=" .. csrf .. "&national_id=" .. national_id .. "&birth_date=" .. birth_date ..
        "&captcha=5823"))
    end
    n = n + 1
  end
  -- Should the prepared sessions run out, further requests are hello pages: they leave no
  -- audit row, so they are not counted as checks.
  requests[#requests + 1] = wrk.format("GET", "/__hello")
end

function request()
  local r = requests[next_request]
  if next_request < #requests then next_request = next_request + 1 end
  return r
end

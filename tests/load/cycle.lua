-- cycle.lua: shared wrk machinery for form benchmarks. Each wrk thread drives exactly one
-- connection (run wrk with -tN -cN), so a thread can walk a page → captcha → POST cycle as one
-- visitor would. Scripts define `steps` (a list of functions returning a request) and
-- `on_response(step, status, headers, body)` returning the index of the next step.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

state = { step = 1, cookie = nil, csrf = nil, done = 0, failed = 0 }

function cookie_from(headers)
  for name, value in pairs(headers) do
    if string.lower(name) == "set-cookie" then
      local v = string.match(value, "xueji_session=([%w_%-]+)")
      if v and #v > 0 then return v end
    end
  end
  return nil
end

-- Prepared sessions, one per visitor ("cookie csrf [n]" lines in the file that the environment
-- variable names). Thread k takes sessions k, k + threads, k + 2·threads, …: no two threads share
-- one, and each is used once. take_session() returns nil when this thread's share is used up.
local prepared = nil
local prepared_index = nil

function load_sessions(variable)
  prepared = {}
  for line in io.lines(os.getenv(variable)) do
    local cookie, csrf, n = string.match(line, "^(%S+) (%S+) ?(%S*)")
    table.insert(prepared, { cookie = cookie, csrf = csrf, n = n })
  end
end

function take_session()
  local threads_total = tonumber(os.getenv("XUEJI_BENCH_THREADS"))
  prepared_index = prepared_index and prepared_index + threads_total or id
  local session = prepared[prepared_index]
  if session then state.cookie = session.cookie end
  return session
end

function csrf_from(body)
  return string.match(body, 'name="csrf" value="([^"]+)"')
end

function headers_with_cookie(extra)
  local h = extra or {}
  if state.cookie then h["Cookie"] = "xueji_session=" .. state.cookie end
  return h
end

function form_post(path, body)
  return wrk.format("POST", path,
    headers_with_cookie({ ["Content-Type"] = "application/x-www-form-urlencoded" }), body)
end

function get(path)
  return wrk.format("GET", path, headers_with_cookie())
end

function request()
  return steps[state.step]()
end

function response(status, headers, body)
  local c = cookie_from(headers)
  if c then state.cookie = c end
  state.step = on_response(state.step, status, headers, body)
end

function done(summary, latency, requests)
  local total, failed = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("state_done")
    failed = failed + t:get("state_failed")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("completed=%d failed=%d per_second=%.1f\n", total, failed, total / seconds))
end

-- wrk reads thread values by name, so the counters are mirrored into globals.
function count(ok)
  if ok then state.done = state.done + 1 else state.failed = state.failed + 1 end
  state_done = state.done
  state_failed = state.failed
end
state_done = 0
state_failed = 0

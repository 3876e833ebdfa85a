-- login_cycle.lua: GET /login (a new visitor) → GET /captcha → POST /login with the right
-- password of one of many accounts; a 303 is a completed password verification.
package.path = os.getenv("XUEJI_LOAD_DIR") .. "/?.lua;" .. package.path
require("cycle")

local accounts = tonumber(os.getenv("XUEJI_BENCH_ACCOUNTS") or "100")
local password = os.getenv("XUEJI_BENCH_PASSWORD")
local next_account = 0

steps = {
  function() state.cookie = nil; return get("/login") end,
  function() return get("/captcha?form=login") end,
  function()
    next_account = (next_account + id * 7919) % accounts
    local name = string.format("bench%05da", next_account + 1)
    return form_post("/login", "csrf=" .. (state.csrf or "") .. "&account=" .. name ..
      "&password=" .. password .. "&captcha=5823")
  end,
}

function on_response(step, status, headers, body)
  if step == 1 then state.csrf = csrf_from(body); return 2 end
  if step == 2 then return 3 end
  count(status == 303)
  return 1
end

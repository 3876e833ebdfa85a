-- account_cycle.lua: 帳號申請 for many prepared sessions (one per applicant, listed in
-- XUEJI_BENCH_SESSIONS as "cookie csrf n" lines): GET /captcha → POST /apply/account; each 303 is
-- an account created with one Argon2id hash.
package.path = os.getenv("XUEJI_LOAD_DIR") .. "/?.lua;" .. package.path
require("cycle")

load_sessions("XUEJI_BENCH_SESSIONS")
local current = nil

steps = {
  function()
    if not current then current = take_session() end
    if not current then return get("/__hello") end  -- every prepared session is used up
    return get("/captcha?form=apply_account")
  end,
  function()
    local name = "newapp" .. current.n .. "x"
    return form_post("/apply/account", "csrf=" .. current.csrf .. "&account=" .. name ..
      "&password=Blue-Harbor-42x&password_confirm=Blue-Harbor-42x&phone=&captcha=5823")
  end,
}

function on_response(step, status, headers, body)
  if step == 1 then return current and 2 or 1 end
  count(status == 303)
  current = nil
  return 1
end

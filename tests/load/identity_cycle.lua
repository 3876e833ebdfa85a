-- identity_cycle.lua: 身分驗證 as one visitor: GET /apply/identity once, then GET /captcha →
-- POST /apply/identity, again and again, for a person who already has an account (the whole
-- check runs and the answer, 「您已申請過個人業務帳號」, changes nothing).
package.path = os.getenv("XUEJI_LOAD_DIR") .. "/?.lua;" .. package.path
require("cycle")

local national_id = os.getenv("XUEJI_BENCH_ID")
local birth_date = os.getenv("XUEJI_BENCH_BIRTH")

steps = {
  function() state.cookie = nil; return get("/apply/identity") end,
  function() return get("/captcha?form=apply_identity") end,
  function()
    return form_post("/apply/identity", "csrf=" .. (state.csrf or "") .. "&national_id=" ..
      national_id .. "&birth_date=" .. birth_date .. "&captcha=5823")
  end,
}

function on_response(step, status, headers, body)
  if step == 1 then state.csrf = csrf_from(body); return 2 end
  if step == 2 then return 3 end
  count(status == 200 and string.find(body, "已申請過", 1, true) ~= nil)
  state.csrf = csrf_from(body) or state.csrf
  return 2
end

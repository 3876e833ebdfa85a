-- identity_post.lua: POST /apply/identity alone, once per prepared visitor whose session already
-- holds a captcha for the form (XUEJI_BENCH_CAPTCHA_SESSIONS, made by captcha_sessions.py), for
-- a person who already has an account: the whole check runs, and 「您已申請過個人業務帳號」
-- changes nothing.
package.path = os.getenv("XUEJI_LOAD_DIR") .. "/?.lua;" .. package.path
require("cycle")

load_sessions("XUEJI_BENCH_CAPTCHA_SESSIONS")
local national_id = os.getenv("XUEJI_BENCH_ID")
local birth_date = os.getenv("XUEJI_BENCH_BIRTH")
local current = nil

steps = {
  function()
    current = take_session()
    if not current then return get("/__hello") end  -- every prepared session is used up
    return form_post("/apply/identity", "csrf=" .. current.csrf .. "&national_id=" ..
      national_id .. "&birth_date=" .. birth_date .. "&captcha=5823")
  end,
}

function on_response(step, status, headers, body)
  if current then count(status == 200 and string.find(body, "已申請過", 1, true) ~= nil) end
  return 1
end

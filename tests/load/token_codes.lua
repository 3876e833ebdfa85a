-- token_codes.lua: POST /oidc/token, each request with a code of its own (codes are single use):
-- the codes bench_sso.sh inserted as PREFIX1, PREFIX2, … (XUEJI_BENCH_CODE_PREFIX), spread over
-- the wrk threads; client_secret_basic and the PKCE verifier of their challenge.
local prefix = os.getenv("XUEJI_BENCH_CODE_PREFIX")
local threads = 0
local n, step = 0, 1

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

-- `id` is the global setup() gave this thread.
function init(args)
  step = 2  -- wrk -t2
  n = id - step
end

function request()
  n = n + step
  local body = "grant_type=authorization_code&code=" .. prefix .. n ..
      "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb" ..
      "&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = "Basic " .. os.getenv("XUEJI_BENCH_CLIENT_BASIC"),
  }, body)
end

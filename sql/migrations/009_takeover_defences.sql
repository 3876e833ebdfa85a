-- 009_takeover_defences (issue 15): what keeps an account from being guessed, probed or locked
-- against its owner.
-- accounts:
--   failed_since       start of the 15-minute window in which failed_count counts password tries
--                      (a try is counted before its password is checked, and given back when it
--                      was right), so no concurrency can buy more than 3 wrong checks a window;
--   totp_failed_count  wrong two-factor codes, counted the same way across every session (5 lock
--   totp_failed_since  the account like 3 wrong passwords);
--   device_epoch       the generation of the account's device cookies: a password or two-factor
--                      reset adds one, and every cookie of an older generation stops counting;
--   notice_day         the Taipei day of the last notice mail and how many were sent that day
--   notices_on_day     (at most 3 a day; the rest are audit rows only).
ALTER TABLE accounts
  ADD COLUMN IF NOT EXISTS failed_since DATETIME(6) NULL AFTER failed_count,
  ADD COLUMN IF NOT EXISTS totp_failed_count INT NOT NULL DEFAULT 0 AFTER totp_last_step,
  ADD COLUMN IF NOT EXISTS totp_failed_since DATETIME(6) NULL AFTER totp_failed_count,
  ADD COLUMN IF NOT EXISTS device_epoch INT NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS notice_day DATE NULL,
  ADD COLUMN IF NOT EXISTS notices_on_day INT NOT NULL DEFAULT 0;

-- The same counters for what is not an account row: a name nobody holds (so an unknown name
-- locks exactly like a real one, and the lock tells nothing), and a trusted device's own
-- password and code counters. counter_key = HMAC of the server secret over what is counted;
-- the name or device never appears. `xueji-ctl purge` deletes rows whose window and lock are
-- both long over.
CREATE TABLE IF NOT EXISTS attempt_counters (
  counter_key BINARY(32) NOT NULL PRIMARY KEY,
  attempts INT NOT NULL DEFAULT 0,
  window_start DATETIME(6) NULL,
  locked_until DATETIME(6) NULL,
  KEY attempt_counters_window (window_start)
) ENGINE=InnoDB;

-- 003_wizard: what the application wizard adds. Failed 身分驗證 matches are counted per typed ID
-- number (its HMAC, whether or not such a person exists), so guessing birth dates for one number
-- is capped across sessions: 10 failures in an hour lock that number for 15 minutes.
CREATE TABLE IF NOT EXISTS identity_failures (
  id_hmac BINARY(32) PRIMARY KEY,
  failures INT NOT NULL DEFAULT 0,
  window_start DATETIME(6) NULL,
  locked_until DATETIME(6) NULL,
  updated_at DATETIME(6) NOT NULL,
  KEY identity_failures_updated (updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

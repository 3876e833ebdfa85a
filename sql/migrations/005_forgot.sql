-- 005_forgot: 忘記密碼 and 忘記帳號 (issue 6). One row per accepted request of either form, whether
-- or not the details matched anything: a session's hourly limit counts them all, so reaching it
-- says nothing about any account. account_id is the account the details matched (NULL: none);
-- mailed says whether a mail went out (not when the e-mail is unverified or a limit held), and
-- the mailed rows per account give the daily cap. code_id ties a 忘記密碼 request to its
-- email_codes row (purpose 'reset'), so the reset page knows whose password a right code resets.
CREATE TABLE IF NOT EXISTS forgot_requests (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  kind VARCHAR(8) NOT NULL,
  session_hash BINARY(32) NOT NULL,
  account_id BIGINT UNSIGNED NULL,
  code_id BIGINT UNSIGNED NULL,
  mailed TINYINT(1) NOT NULL DEFAULT 0,
  requested_at DATETIME(6) NOT NULL,
  UNIQUE KEY forgot_requests_code (code_id),
  KEY forgot_requests_session (session_hash, kind, requested_at),
  KEY forgot_requests_account (account_id, kind, mailed, requested_at),
  CONSTRAINT forgot_requests_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
    ON DELETE CASCADE,
  CONSTRAINT forgot_requests_code_fk FOREIGN KEY (code_id) REFERENCES email_codes (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

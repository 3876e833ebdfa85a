-- 012_aa_console (issue 18): what the school's AA console and the helpdesk need.
-- approved_posts   the county's approved staffing (核定員額編制): how many holders of each
--                  administrative duty a school may have in a school year; set by
--                  `xueji-ctl posts set`. No row: none approved (the console refuses to assign).
-- helpdesk_accounts  the accounts granted the 諮詢專員 role (`xueji-ctl helpdesk add|remove`).
-- staff_removals   a staff record taken off the school for one school year (the record stays,
--                  for other years and the audit log); its duties of that year are deleted.
-- account_tokens   one-time links mailed to a staff member: 'password' after an AA's password
--                  reset, 'email' after a helpdesk e-mail reset (the new address counts only once
--                  its link is used). Only the SHA-256 of the token is kept.
-- accounts.last_login_at  when the account last completed a login (the staff list shows it).
-- audit_log.school_id     the school a console action concerned (the school's audit page).
CREATE TABLE IF NOT EXISTS approved_posts (
  school_id BIGINT UNSIGNED NOT NULL,
  duty VARCHAR(20) NOT NULL,
  approved_count INT NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, duty),
  CONSTRAINT approved_posts_school FOREIGN KEY (school_id) REFERENCES schools (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS helpdesk_accounts (
  account_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  granted_at DATETIME(6) NOT NULL,
  CONSTRAINT helpdesk_accounts_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS staff_removals (
  staff_id BIGINT UNSIGNED NOT NULL,
  school_year SMALLINT UNSIGNED NOT NULL,
  removed_at DATETIME(6) NOT NULL,
  PRIMARY KEY (staff_id, school_year),
  CONSTRAINT staff_removals_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS account_tokens (
  token_hash BINARY(32) NOT NULL PRIMARY KEY,
  account_id BIGINT UNSIGNED NOT NULL,
  purpose VARCHAR(16) NOT NULL,
  address VARCHAR(254) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  used_at DATETIME(6) NULL,
  KEY account_tokens_account (account_id, purpose),
  KEY account_tokens_expires (expires_at),
  CONSTRAINT account_tokens_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE accounts ADD COLUMN IF NOT EXISTS last_login_at DATETIME(6) NULL;
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS school_id BIGINT UNSIGNED NULL,
  ADD KEY IF NOT EXISTS audit_log_school (school_id, at);

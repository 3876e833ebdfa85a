-- 001_schema: the whole data model of architecture.md. Times are UTC DATETIME(6).
-- ID numbers appear only as an HMAC under the server secret (id_hmac) and a masked form.

CREATE TABLE IF NOT EXISTS schools (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(16) NOT NULL,
  name VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY schools_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per human being; a person may be staff at several schools.
CREATE TABLE IF NOT EXISTS persons (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  id_hmac BINARY(32) NOT NULL,
  id_masked VARCHAR(10) NOT NULL,
  birth_date DATE NOT NULL,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY persons_id_hmac (id_hmac)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 教職員聘約: a person's record at one school.
CREATE TABLE IF NOT EXISTS staff (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  school_id BIGINT UNSIGNED NOT NULL,
  person_id BIGINT UNSIGNED NOT NULL,
  name VARCHAR(50) NOT NULL,
  birth_date DATE NOT NULL,
  phone VARCHAR(20) NULL,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY staff_school_person (school_id, person_id),
  KEY staff_person (person_id),
  CONSTRAINT staff_school FOREIGN KEY (school_id) REFERENCES schools (id),
  CONSTRAINT staff_person_fk FOREIGN KEY (person_id) REFERENCES persons (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Duties per school year (ROC year, e.g. 115 = 2026-08-01 .. 2027-07-31).
CREATE TABLE IF NOT EXISTS duties (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  staff_id BIGINT UNSIGNED NOT NULL,
  school_year SMALLINT UNSIGNED NOT NULL,
  duty VARCHAR(20) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY duties_staff_year_duty (staff_id, school_year, duty),
  KEY duties_year (school_year),
  CONSTRAINT duties_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS settings (
  name VARCHAR(64) PRIMARY KEY,
  value VARCHAR(255) NOT NULL,
  updated_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 個人業務帳號: one per person. login_key is the lower-cased name, for case-blind uniqueness.
CREATE TABLE IF NOT EXISTS accounts (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  person_id BIGINT UNSIGNED NOT NULL,
  login_name VARCHAR(64) NOT NULL,
  login_key VARCHAR(64) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  password_changed_at DATETIME(6) NOT NULL,
  failed_count INT NOT NULL DEFAULT 0,
  locked_until DATETIME(6) NULL,
  email VARCHAR(254) NULL,
  email_verified_at DATETIME(6) NULL,
  phone VARCHAR(20) NULL,
  totp_secret_enc VARBINARY(128) NULL,
  totp_bound_at DATETIME(6) NULL,
  totp_last_step BIGINT NULL,
  must_change_password TINYINT(1) NOT NULL DEFAULT 0,
  must_change_name TINYINT(1) NOT NULL DEFAULT 0,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY accounts_person (person_id),
  UNIQUE KEY accounts_login_key (login_key),
  CONSTRAINT accounts_person_fk FOREIGN KEY (person_id) REFERENCES persons (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS password_history (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  account_id BIGINT UNSIGNED NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  KEY password_history_account (account_id, created_at),
  CONSTRAINT password_history_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only the SHA-256 of the cookie value is kept. kind: anonymous, wizard, login.
CREATE TABLE IF NOT EXISTS sessions (
  id_hash BINARY(32) PRIMARY KEY,
  kind VARCHAR(16) NOT NULL DEFAULT 'anonymous',
  person_id BIGINT UNSIGNED NULL,
  account_id BIGINT UNSIGNED NULL,
  wizard_step VARCHAR(16) NULL,
  auth_stage VARCHAR(16) NULL,
  csrf_token VARCHAR(64) NOT NULL,
  data VARCHAR(1024) NULL,
  failed_tries INT NOT NULL DEFAULT 0,
  created_at DATETIME(6) NOT NULL,
  last_seen_at DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  KEY sessions_expires (expires_at),
  KEY sessions_account (account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS captchas (
  session_hash BINARY(32) NOT NULL,
  form VARCHAR(32) NOT NULL,
  answer_hmac BINARY(32) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  PRIMARY KEY (session_hash, form),
  KEY captchas_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- E-mail verification and reset codes (XX-NNNNNN); only a hash of the code is kept.
CREATE TABLE IF NOT EXISTS email_codes (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  session_hash BINARY(32) NOT NULL,
  purpose VARCHAR(16) NOT NULL,
  address VARCHAR(254) NOT NULL,
  prefix CHAR(2) NOT NULL,
  code_hmac BINARY(32) NOT NULL,
  sent_at DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  tries INT NOT NULL DEFAULT 0,
  state VARCHAR(12) NOT NULL DEFAULT 'live',
  KEY email_codes_session (session_hash, purpose, sent_at),
  KEY email_codes_address (address, sent_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS outbox (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  recipient VARCHAR(254) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  body TEXT NOT NULL,
  state VARCHAR(12) NOT NULL DEFAULT 'pending',
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(6) NOT NULL,
  sent_at DATETIME(6) NULL,
  last_error VARCHAR(500) NULL,
  created_at DATETIME(6) NOT NULL,
  KEY outbox_due (state, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS audit_log (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  at DATETIME(6) NOT NULL,
  actor VARCHAR(100) NOT NULL,
  action VARCHAR(64) NOT NULL,
  target VARCHAR(255) NULL,
  client_addr VARCHAR(45) NULL,
  request_id VARCHAR(64) NULL,
  KEY audit_log_at (at),
  KEY audit_log_action (action, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Completed logins per Asia/Taipei calendar day.
CREATE TABLE IF NOT EXISTS login_counts (
  day DATE PRIMARY KEY,
  count BIGINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

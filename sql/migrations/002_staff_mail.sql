-- 002_staff_mail: when the current round of delivery of an outbox message began. NULL means
-- created_at; `xueji-ctl outbox retry` sets it, so a failed message re-queued by an
-- administrator gets a full day of retries again. The mailer gives up 24 h after this time.
-- (While a message is 'sending', next_attempt_at holds the mailer's lease expiry.)
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS queued_at DATETIME(6) NULL AFTER created_at;

-- 010_outbox_retention (issue 16): delivered mail is not kept whole. `xueji-ctl purge` empties
-- the body of a message sent over 7 days ago (the codes and names it carried) and records when
-- in body_purged_at; it deletes the row once it is older than the audit retention
-- (core/retention.h). The two indexes serve those two statements; neither holds `state`, so the
-- mailer's claims (which change state and next_attempt_at only) never update them.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS body_purged_at DATETIME(6) NULL AFTER sent_at;
CREATE INDEX IF NOT EXISTS outbox_body_purge ON outbox (body_purged_at, sent_at);
CREATE INDEX IF NOT EXISTS outbox_sent ON outbox (sent_at);

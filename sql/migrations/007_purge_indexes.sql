-- 007_purge_indexes: `xueji-ctl purge` deletes by age every 15 minutes; without these two
-- indexes each run would scan the whole of email_codes and forgot_requests, which grow by the
-- tens of thousands in the week a school year opens.
CREATE INDEX IF NOT EXISTS email_codes_sent ON email_codes (sent_at);
CREATE INDEX IF NOT EXISTS forgot_requests_requested ON forgot_requests (requested_at);

-- 015_outbox_claimant (issue 19): which mailer holds a 'sending' claim ("host:pid:start"), so a
-- mailer starting on the same host gives back at once the claims of one that was killed there,
-- instead of those messages waiting out the 5-minute lease.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS claimed_by VARCHAR(100) NULL;

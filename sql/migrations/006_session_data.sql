-- 006_session_data: the wizard keeps what its pages show of the applicant (name, masked ID
-- number, phone) in the session's data, so a page view needs no staff lookup. A 50-character
-- name percent-encoded takes up to 600 bytes; 2048 leaves room beside the e-mail address.
ALTER TABLE sessions MODIFY data VARCHAR(2048) NULL;

-- 014_captcha_audio (issue 21): the audio alternative of the captcha image (WCAG 1.1.1).
-- GET /captcha/audio speaks the answer of the session's captcha of a form, so the answer must be
-- readable again after the image is drawn: answer_box is the answer sealed with AES-256-GCM
-- under a key derived from the server secret (core/secret_box.h captcha_box_key), bound to the
-- session and the form. The check still compares answer_hmac; the row is consumed as before.
-- NULL for captchas issued before this migration: they have no audio until the next image.
ALTER TABLE captchas ADD COLUMN IF NOT EXISTS answer_box VARBINARY(64) NULL;

#!/usr/bin/python3
"""captcha_sessions.py: visitors who have each just been shown a form and its captcha image.

Prints SQL that creates COUNT anonymous sessions, each holding a live captcha for FORM whose
answer is the test mode's fixed answer, and writes "cookie csrf" lines to SESSIONS_FILE. A POST
benchmark can then send each form exactly once, as a person would after reading the image,
without spending the measured time on drawing images (GET /captcha is measured on its own).

  captcha_sessions.py SECRET_FILE FORM ANSWER COUNT SESSIONS_FILE [FIRST] > data.sql

Visitors are numbered from FIRST (default 0), so several calls with disjoint ranges can fill one
database.

The stored answer is the server's HMAC over (session hash, form, answer), as
core/captcha_answer.cpp computes it.
"""
import hashlib
import hmac
import sys


def main():
    secret_file, form, answer, count, sessions_file = sys.argv[1:6]
    first = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    with open(secret_file, "rb") as f:
        secret = f.read().rstrip(b"\r\n")
    rows_per_insert = 500
    sessions, captchas = [], []
    with open(sessions_file, "w") as out:
        for n in range(first, first + int(count)):
            cookie = "captcha%036d" % n
            csrf = "k%d" % n
            id_hash = hashlib.sha256(cookie.encode()).digest()
            message = b"captcha\n" + id_hash + b"\n" + form.encode() + b"\n" + answer.encode()
            answer_hmac = hmac.new(secret, message, hashlib.sha256).hexdigest()
            sessions.append("(UNHEX('%s'), 'anonymous', '%s', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), "
                            "UTC_TIMESTAMP(6) + INTERVAL 1 DAY)" % (id_hash.hex(), csrf))
            captchas.append("(UNHEX('%s'), '%s', UNHEX('%s'), UTC_TIMESTAMP(6) + INTERVAL 1 DAY)"
                            % (id_hash.hex(), form, answer_hmac))
            out.write("%s %s\n" % (cookie, csrf))
    print("START TRANSACTION;")
    for i in range(0, len(sessions), rows_per_insert):
        print("INSERT INTO sessions (id_hash, kind, csrf_token, created_at, last_seen_at, expires_at) "
              "VALUES " + ", ".join(sessions[i:i + rows_per_insert]) + ";")
        print("INSERT INTO captchas (session_hash, form, answer_hmac, expires_at) VALUES "
              + ", ".join(captchas[i:i + rows_per_insert]) + ";")
    print("COMMIT;")


if __name__ == "__main__":
    main()

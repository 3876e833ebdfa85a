#!/usr/bin/python3
"""journeys.py: whole visitor journeys against a running xueji stack, for scripts/faults.

  journeys.py prepare --count N         people for N journeys of each kind (staff, accounts)
  journeys.py run --seconds S --clients C --tag TAG
                                        runs journeys (wizard, login, forgot in turn) on C
                                        clients for S seconds; writes VAR/faults/TAG.json
  journeys.py check --tag TAG [--repeat] waits for the outbox to drain, checks the database and
                                        the Maildir for every completed journey, repeats the
                                        failed ones when asked, prints one JSON line of counts

The stack is the one of XUEJI_VAR_DIR (its env file says where the database and the secret
are); the base URL is XUEJI_TEST_BASE_URL; the captcha answer XUEJI_CAPTCHA_FIXED (test mode).
A journey fails "in zh-TW" when a step's answer is 502/503/504 with the 系統暫時無法服務 page
(the worker's or nginx's); any other unexpected answer, or no answer, is a failure otherwise.
"""
import argparse
import base64
import email
import email.policy
import email.utils
import hashlib
import hmac
import http.client
import json
import os
import random
import re
import struct
import subprocess
import sys
import threading
import time
import urllib.parse

VAR = os.environ["XUEJI_VAR_DIR"]
BUILD = os.environ["XUEJI_BUILD_DIR"]
BASE = urllib.parse.urlparse(os.environ["XUEJI_TEST_BASE_URL"])
CAPTCHA = os.environ.get("XUEJI_CAPTCHA_FIXED", "")
STATE = os.path.join(VAR, "faults")
UNAVAILABLE_TEXT = "系統暫時無法服務"
CODE_SUBJECT = "E-Mail 驗證通知信"
SUCCESS_SUBJECT = "申請成功"
RESET_SUBJECT = "重設密碼通知信"
RESET_DONE_SUBJECT = "密碼已重設通知"
OLD_PASSWORD = "Quiet-Maple-Ridge-58"
BIRTH = "1981-03-04"
REQUEST_TIMEOUT = 40
MAIL_WAIT = 90  # seconds a journey waits for its code mail


def stack_env():
    env = dict(os.environ)
    with open(os.path.join(VAR, "env"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            k, v = line.split("=", 1)
            if len(v) >= 2 and v[0] == "'" and v[-1] == "'":
                v = v[1:-1].replace("'\\''", "'")
            env[k] = v
    return env


ENV = stack_env()


def sql(statement):
    out = subprocess.run(
        ["mariadb", "--no-defaults", "--socket=" + ENV["XUEJI_DB_SOCKET"], "--user=root",
         "--batch", "--skip-column-names", ENV.get("XUEJI_DB_NAME", "xueji")],
        input=statement, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"SQL failed: {out.stderr.strip()}\n{statement[:300]}")
    return out.stdout


def ctl(*args):
    return subprocess.run([os.path.join(BUILD, "xueji-ctl"), *args], env=ENV,
                          capture_output=True, text=True, check=True).stdout


def valid_national_id(body):
    letters = "ABCDEFGHJKLMNPQRSTUVXYWZIO"
    n = letters.index(body[0]) + 10
    total = n // 10 + (n % 10) * 9
    for i, c in enumerate(body[1:9]):
        total += int(c) * (8 - i)
    return body + str((10 - total % 10) % 10)


def new_national_id(rng):
    return valid_national_id("A" + rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(7)))


def totp(key_b32, at=None):
    key = base64.b32decode(key_b32 + "=" * (-len(key_b32) % 8))
    step = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    o = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[o:o + 4])[0] & 0x7FFFFFFF) % 1000000), step


def id_hmac(nid):
    with open(ENV["XUEJI_SECRET_FILE"], encoding="ascii") as f:
        secret = f.read().strip()
    return hmac.new(secret.encode(), b"national-id\n" + nid.encode(), hashlib.sha256).hexdigest()


# ---- A small browser: one keep-alive connection, a cookie jar, no redirects followed. ----

class Failure(Exception):
    def __init__(self, kind, detail):
        super().__init__(detail)
        self.kind = kind  # "zh" or "other"
        self.detail = detail


class Browser:
    def __init__(self, log):
        self.cookies = {}
        self.conn = None
        self.log = log  # list of (start, end, ok)

    def request(self, method, path, fields=None):
        body = urllib.parse.urlencode(fields) if fields is not None else None
        headers = {"Host": BASE.netloc, "User-Agent": "xueji-faults"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.time()
        for attempt in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(BASE.hostname, BASE.port,
                                                           timeout=REQUEST_TIMEOUT)
                self.conn.request(method, path, body=body, headers=headers)
                r = self.conn.getresponse()
                data = r.read().decode("utf-8", "replace")
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as e:
                # A kept-alive connection nginx closed between requests: a browser opens a new
                # one and sends again; a request nginx never read has not reached a worker.
                self.conn = None
                if attempt == 1 or time.time() - started > 1:
                    self.log.append((started, time.time(), False))
                    raise Failure("other", f"{method} {path}: {e!r}")
            except OSError as e:
                self.conn = None
                self.log.append((started, time.time(), False))
                raise Failure("other", f"{method} {path}: {e!r}")
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                value = rest.split(";", 1)[0]
                if "max-age=0" in v.lower() or value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
        ok = r.status < 500
        self.log.append((started, time.time(), ok))
        return r.status, r.getheader("Location") or "", data

    def expect(self, method, path, fields=None, status=200, location=None):
        code, loc, body = self.request(method, path, fields)
        if code == status and (location is None or loc == location):
            return body
        if code in (502, 503, 504) and UNAVAILABLE_TEXT in body:
            raise Failure("zh", f"{method} {path}: {code}")
        snippet = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))[:160]
        raise Failure("other", f"{method} {path}: {code} {loc} {snippet}")


def csrf_of(html):
    m = re.search(r'name="csrf" value="([^"]*)"', html)
    return m.group(1) if m else ""


def text_of_id(html, ident):
    m = re.search(r'id="' + ident + r'"[^>]*>([^<]*)<', html)
    return m.group(1) if m else ""


# ---- The Maildir: every delivered message, indexed by recipient. ----

class Mailbox:
    def __init__(self):
        self.dir = os.path.join(VAR, "mail", "new")
        self.seen = {}
        self.by_recipient = {}
        self.lock = threading.Lock()
        self.scan_lock = threading.Lock()

    def scan(self):
        with self.scan_lock:
            self.scan_unlocked()

    def scan_unlocked(self):
        try:
            names = os.listdir(self.dir)
        except FileNotFoundError:
            return
        for name in names:
            if name in self.seen:
                continue
            path = os.path.join(self.dir, name)
            try:
                with open(path, "rb") as f:
                    raw = f.read()
                st = os.stat(path)
            except FileNotFoundError:
                continue
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            part = msg.get_body(("plain",)) if msg.is_multipart() else msg
            body = part.get_content() if part is not None else ""
            entry = {"to": email.utils.parseaddr(str(msg.get("To", "")))[1].lower(), "subject": str(msg.get("Subject", "")),
                     "body": body, "id": str(msg.get("Message-ID", "")).strip(),
                     "mtime": st.st_mtime_ns, "name": name}
            with self.lock:
                self.seen[name] = entry
                self.by_recipient.setdefault(entry["to"], []).append(entry)

    def mails(self, address, subject_part):
        self.scan()
        with self.lock:
            return [m for m in self.by_recipient.get(address.lower(), []) if subject_part in m["subject"]]

    def wait_code(self, address, subject_part, after_count):
        deadline = time.time() + MAIL_WAIT
        while time.time() < deadline:
            found = self.mails(address, subject_part)
            if len(found) > after_count:
                m = re.search(r"([A-HJ-NP-Z]{2})-([0-9]{6})", found[-1]["body"])
                if m:
                    return m.group(2)
            time.sleep(0.2)
        raise Failure("other", f"no '{subject_part}' mail to {address} within {MAIL_WAIT}s")


MAILBOX = Mailbox()


# ---- The three journeys. Each returns what check() needs, or raises Failure. ----

def wizard(person, log):
    b = Browser(log)
    address = person["address"]
    page = b.expect("GET", "/apply/identity")
    b.expect("GET", "/captcha?form=apply_identity")
    b.expect("POST", "/apply/identity", {"csrf": csrf_of(page), "national_id": person["national_id"],
                                         "birth_date": BIRTH, "captcha": CAPTCHA},
             303, "/apply/email")
    page = b.expect("GET", "/apply/email")
    b.expect("GET", "/captcha?form=apply_email")
    codes_before = len(MAILBOX.mails(address, CODE_SUBJECT))
    b.expect("POST", "/apply/email", {"csrf": csrf_of(page), "email": address, "captcha": CAPTCHA},
             303, "/apply/verify")
    code = MAILBOX.wait_code(address, CODE_SUBJECT, codes_before)
    page = b.expect("GET", "/apply/verify")
    b.expect("POST", "/apply/verify", {"csrf": csrf_of(page), "code": code}, 303, "/apply/account")
    page = b.expect("GET", "/apply/account")
    b.expect("GET", "/captcha?form=apply_account")
    b.expect("POST", "/apply/account",
             {"csrf": csrf_of(page), "account": person["account"], "password": person["password"],
              "password_confirm": person["password"], "phone": "0912-345-678", "captcha": CAPTCHA},
             303, "/apply/done")
    page = b.expect("GET", "/apply/done")
    if "申請完成" not in page:
        raise Failure("other", "GET /apply/done without 申請完成")


def login(person, log):
    b = Browser(log)
    page = b.expect("GET", "/login")
    b.expect("GET", "/captcha?form=login")
    code, loc, body = b.request("POST", "/login", {"csrf": csrf_of(page), "account": person["account"],
                                                   "password": OLD_PASSWORD, "captcha": CAPTCHA})
    if code == 303 and loc == "/2fa/bind":
        page = b.expect("GET", "/2fa/bind")
        key = text_of_id(page, "totp-key").replace(" ", "")
        otp, step = totp(key)
        person["key"] = key
        person["step"] = step
        b.expect("POST", "/2fa/bind", {"csrf": csrf_of(page), "otp": otp}, 303, "/home")
    elif code == 303 and loc == "/2fa" and person.get("key"):
        # Bound by an earlier try: a code of a step not used yet (a replay is refused).
        while totp(person["key"])[1] <= person.get("step", 0):
            time.sleep(0.5)
        otp, step = totp(person["key"])
        person["step"] = step
        page = b.expect("GET", "/2fa")
        b.expect("POST", "/2fa", {"csrf": csrf_of(page), "otp": otp}, 303, "/home")
    else:
        if code in (502, 503, 504) and UNAVAILABLE_TEXT in body:
            raise Failure("zh", f"POST /login: {code}")
        raise Failure("other", f"POST /login: {code} {loc}")
    b.expect("GET", "/home")


def forgot(person, log):
    b = Browser(log)
    address = person["email"]
    page = b.expect("GET", "/forgot/password")
    b.expect("GET", "/captcha?form=forgot_password")
    before = len(MAILBOX.mails(address, RESET_SUBJECT))
    b.expect("POST", "/forgot/password",
             {"csrf": csrf_of(page), "account": "", "national_id": person["national_id"],
              "birth_date": BIRTH, "captcha": CAPTCHA}, 303, "/forgot/password/reset")
    code = MAILBOX.wait_code(address, RESET_SUBJECT, before)
    page = b.expect("GET", "/forgot/password/reset")
    person["new_password"] = "Rain-Cedar-%04d-Kite" % random.randrange(10000)
    b.expect("POST", "/forgot/password/reset",
             {"csrf": csrf_of(page), "code": code, "new_password": person["new_password"],
              "new_password_confirm": person["new_password"]}, 303, "/login?notice=password_reset")


JOURNEYS = {"wizard": wizard, "login": login, "forgot": forgot}


# ---- prepare ----

def cmd_prepare(args):
    os.makedirs(STATE, exist_ok=True)
    rng = random.Random()
    tag = "%06d" % rng.randrange(1000000)
    school = "F" + tag
    ctl("school", "add", "--code", school, "--name", "故障測試國小" + tag)
    people = {"wizard": [], "login": [], "forgot": []}
    ids = set()
    rows = []
    for kind in people:
        for i in range(args.count):
            nid = new_national_id(rng)
            while nid in ids:
                nid = new_national_id(rng)
            ids.add(nid)
            n = len(rows)
            person = {"national_id": nid, "account": f"f{tag}k{kind[0]}{i}x",
                      "address": f"f{tag}{kind[0]}{i}@example.com", "email": f"f{tag}m{kind[0]}{i}@example.com",
                      "password": "Blue-Harbor-%d-Kite" % n}
            people[kind].append(person)
            rows.append(f"{nid},故障老師{n},{BIRTH},0912-345-678")
    csv = os.path.join(STATE, f"staff-{tag}.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("national_id,name,birth_date,phone\n" + "\n".join(rows) + "\n")
    ctl("staff", "import", "--school", school, csv)
    # The active school year, as `xueji-ctl year activate` leaves it (the current one if unset:
    # ROC years, starting on 1 August).
    today = time.gmtime(time.time() + 8 * 3600)
    current = today.tm_year - 1911 - (1 if today.tm_mon < 8 else 0)
    sql(f"INSERT IGNORE INTO settings (name, value, updated_at) VALUES ('active_school_year', "
        f"'{current}', UTC_TIMESTAMP(6))")
    year = sql("SELECT value FROM settings WHERE name = 'active_school_year'").strip()
    sql(f"INSERT IGNORE INTO duties (staff_id, school_year, duty, created_at) SELECT st.id, {year}, "
        f"'導師', UTC_TIMESTAMP(6) FROM staff st JOIN schools sc ON sc.id = st.school_id "
        f"WHERE sc.code = '{school}'")
    # Accounts as the old system left them, for the login and forgot journeys: one Argon2id hash
    # made by xueji-ctl, copied to the others (same password) so preparing stays quick.
    first = people["login"][0]
    ctl("account", "add-legacy", "--national-id", first["national_id"], "--account", first["account"],
        "--password", OLD_PASSWORD, "--email", first["email"])
    values = []
    for kind in ("login", "forgot"):
        for p in people[kind]:
            if p is first:
                continue
            values.append(p)
    stmts = []
    for p in values:
        stmts.append(
            "INSERT INTO accounts (person_id, login_name, login_key, password_hash, password_changed_at, "
            "email, email_verified_at, created_at) SELECT st.person_id, '{a}', LOWER('{a}'), "
            "(SELECT password_hash FROM accounts WHERE login_key = LOWER('{f}')), UTC_TIMESTAMP(6) - INTERVAL 2 DAY, "
            "'{e}', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM staff st JOIN schools sc ON sc.id = st.school_id "
            "JOIN persons p ON p.id = st.person_id WHERE sc.code = '{s}' AND p.id_hmac = UNHEX('{h}');"
            .format(a=p["account"], f=first["account"], e=p["email"], s=school, h=id_hmac(p["national_id"])))
    sql("\n".join(stmts))
    sql(f"UPDATE accounts SET password_changed_at = UTC_TIMESTAMP(6) - INTERVAL 2 DAY, "
        f"email_verified_at = UTC_TIMESTAMP(6) WHERE login_key = LOWER('{first['account']}')")
    sql("INSERT INTO password_history (account_id, password_hash, created_at) SELECT id, password_hash, "
        f"UTC_TIMESTAMP(6) - INTERVAL 2 DAY FROM accounts WHERE login_key LIKE 'f{tag}k%'")
    made = int(sql(f"SELECT COUNT(*) FROM accounts WHERE login_key LIKE 'f{tag}k%'").strip())
    if made != 2 * args.count:
        sys.exit(f"journeys.py: prepared {made} accounts, expected {2 * args.count}")
    pool = os.path.join(STATE, "pool.json")
    old = json.load(open(pool)) if os.path.exists(pool) else {"wizard": [], "login": [], "forgot": []}
    for kind in people:
        old[kind].extend(people[kind])
    json.dump(old, open(pool, "w"))
    print(f"prepared {args.count} people per journey in school {school}")


# ---- run ----

def take(pool, kind, lock):
    with lock:
        if not pool[kind]:
            return None
        return pool[kind].pop(0)


def cmd_run(args):
    pool_file = os.path.join(STATE, "pool.json")
    pool = json.load(open(pool_file))
    lock = threading.Lock()
    results = []
    request_log = []
    stop_at = time.time() + args.seconds
    stop_file = os.path.join(STATE, args.tag + ".stop")
    kinds = list(JOURNEYS)

    def client(index):
        turn = index
        while time.time() < stop_at and not os.path.exists(stop_file):
            kind = kinds[turn % len(kinds)]
            turn += 1
            person = take(pool, kind, lock)
            if person is None:
                time.sleep(0.2)  # none of this kind left: the other kinds go on
                continue
            log = []
            started = time.time()
            outcome, detail = "completed", ""
            try:
                JOURNEYS[kind](person, log)
            except Failure as e:
                outcome, detail = ("failed_zh" if e.kind == "zh" else "failed_other"), e.detail
            except Exception as e:  # a bug in this driver must show, not vanish
                outcome, detail = "failed_other", repr(e)
            with lock:
                results.append({"kind": kind, "person": person, "started": started, "ended": time.time(),
                                "outcome": outcome, "detail": detail})
                request_log.extend(log)
            # A person reads the page before starting again; the pause also keeps the pool of
            # prepared people lasting through the row.
            time.sleep(0.3 if outcome != "completed" else 0.6)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # What was not used goes back for the next run.
    json.dump(pool, open(pool_file, "w"))
    json.dump({"results": results, "requests": request_log, "started_at": stop_at - args.seconds},
              open(os.path.join(STATE, args.tag + ".json"), "w"))
    print(f"{len(results)} journeys", file=sys.stderr)


# ---- check ----

def outbox_busy():
    return int(sql("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')").strip())


def cmd_check(args):
    data = json.load(open(os.path.join(STATE, args.tag + ".json")))
    results, requests = data["results"], data["requests"]
    deadline = time.time() + args.mail_wait
    while outbox_busy() and time.time() < deadline:
        time.sleep(0.5)
    time.sleep(1)  # the sink writes the file after the mailer's last SMTP answer
    lost = []
    for r in results:
        if r["outcome"] != "completed":
            continue
        p = r["person"]
        if r["kind"] == "wizard":
            n = sql(f"SELECT COUNT(*) FROM accounts WHERE login_key = LOWER('{p['account']}')").strip()
            if n != "1":
                lost.append(f"wizard {p['account']}: no account row")
            if not MAILBOX.mails(p["address"], SUCCESS_SUBJECT):
                lost.append(f"wizard {p['account']}: no success mail")
        elif r["kind"] == "forgot":
            if not MAILBOX.mails(p["email"], RESET_DONE_SUBJECT):
                lost.append(f"forgot {p['account']}: no password-reset notice mail")
        elif r["kind"] == "login":
            n = sql(f"SELECT COUNT(*) FROM accounts WHERE login_key = LOWER('{p['account']}') "
                    "AND totp_bound_at IS NOT NULL").strip()
            if n != "1":
                lost.append(f"login {p['account']}: TOTP binding not kept")
    stuck = int(sql("SELECT COUNT(*) FROM outbox WHERE state <> 'sent'").strip())
    if stuck:
        lost.append(f"{stuck} outbox rows not sent")
    MAILBOX.scan()
    ids = {}
    since_ns = int((data["started_at"] - 1) * 1e9)  # this row's mail only
    for m in MAILBOX.seen.values():
        if m["mtime"] >= since_ns:
            ids[m["id"]] = ids.get(m["id"], 0) + 1
    duplicates = sum(n - 1 for n in ids.values() if n > 1)
    repeated_failed = 0
    if args.repeat:
        for r in results:
            if r["outcome"] == "completed":
                continue
            p = r["person"]
            if r["kind"] == "wizard":
                p["address"] = "r" + p["address"]
                if sql(f"SELECT COUNT(*) FROM accounts WHERE login_key = LOWER('{p['account']}')").strip() == "1":
                    continue  # the account was made; only the last page failed
            try:
                JOURNEYS[r["kind"]](p, [])
            except Failure as e:
                repeated_failed += 1
                lost.append(f"repeat of {r['kind']} failed: {e.detail}")
    cleared = None
    cleared_file = os.path.join(STATE, args.tag + ".cleared")
    if os.path.exists(cleared_file):
        cleared = float(open(cleared_file).read().strip())
    recovery = 0.0
    if cleared is not None:
        after = [end for start, end, ok in requests if ok and start >= cleared]
        failed_after = [end for start, end, ok in requests if not ok and start >= cleared]
        if failed_after:
            firsts = [end for start, end, ok in requests if ok and start >= max(failed_after)]
            recovery = (min(firsts) - cleared) if firsts else -1
        elif after:
            recovery = min(after) - cleared if any(not ok for _, _, ok in requests) else 0.0
    counts = {
        "started": len(results),
        "completed": sum(r["outcome"] == "completed" for r in results),
        "failed_zh": sum(r["outcome"] == "failed_zh" for r in results),
        "failed_other": sum(r["outcome"] == "failed_other" for r in results),
        "failed_requests": sum(not ok for _, _, ok in requests),
        "requests": len(requests),
        "slowest_request": round(max((end - start for start, end, _ in requests), default=0), 2),
        "lost": len(lost),
        "duplicates": duplicates,
        "recovery": round(recovery, 2),
        "repeat_failed": repeated_failed,
        "problems": lost[:10] + [r["kind"] + ": " + r["detail"] for r in results
                                 if r["outcome"] == "failed_other"][:10],
    }
    print(json.dumps(counts, ensure_ascii=False))


# ---- the queue order after an SMTP outage ----

def cmd_mail_order(args):
    """Waits until the `count` messages to PREFIX-N@example.org have arrived (or the wait ends)
    and prints: how many arrived, extra copies (same Message-ID), and how many arrived before an
    older one (queue order is N)."""
    deadline = time.time() + args.wait
    pattern = re.compile(re.escape(args.prefix) + r"-(\d+)@example\.org$")
    started = time.time()
    first = None
    while True:
        MAILBOX.scan()
        with MAILBOX.lock:
            mine = [m for m in MAILBOX.seen.values() if pattern.match(m["to"])]
        if mine and first is None:
            first = time.time() - started
        if len({m["to"] for m in mine}) >= args.count or time.time() >= deadline:
            break
        time.sleep(0.2)
    time.sleep(1)
    MAILBOX.scan()
    with MAILBOX.lock:
        mine = [m for m in MAILBOX.seen.values() if pattern.match(m["to"])]
    ids = {}
    for m in mine:
        ids[m["id"]] = ids.get(m["id"], 0) + 1
    order = [int(pattern.match(m["to"]).group(1)) for m in sorted(mine, key=lambda m: (m["mtime"], m["name"]))]
    out_of_order = sum(1 for a, b in zip(order, order[1:]) if b < a)
    print(json.dumps({"delivered": len({m["to"] for m in mine}), "duplicates": sum(n - 1 for n in ids.values()),
                      "out_of_order": out_of_order, "first_after": round(first or -1, 2),
                      "all_after": round(time.time() - started - 1, 2)}))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--count", type=int, default=40)
    p = sub.add_parser("run")
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--clients", type=int, default=3)
    p.add_argument("--tag", required=True)
    p = sub.add_parser("check")
    p.add_argument("--tag", required=True)
    p.add_argument("--repeat", action="store_true")
    p.add_argument("--mail-wait", type=float, default=120)
    p = sub.add_parser("mail-order")
    p.add_argument("--prefix", required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--wait", type=float, default=180)
    args = parser.parse_args()
    {"prepare": cmd_prepare, "run": cmd_run, "check": cmd_check,
     "mail-order": cmd_mail_order}[args.command](args)


if __name__ == "__main__":
    main()

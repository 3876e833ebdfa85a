#!/usr/bin/python3
"""smtp_discard_sink_test.py BINARY: the benchmark's SMTP sink answers the mailer's conversation.

Two messages over one connection (as the mailer sends a batch), dot-stuffed text, RSET and NOOP
are accepted; an over-long command line is refused with 500 and the connection closed; SIGTERM
stops the sink with status 0.
"""
import signal
import smtplib
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, sink):
    for _ in range(100):
        if sink.poll() is not None:
            raise SystemExit(f"FAIL: the sink exited with {sink.returncode} before listening")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("FAIL: the sink did not listen within 5 s")


def main():
    port = free_port()
    sink = subprocess.Popen([sys.argv[1], str(port)])
    failures = []
    try:
        wait_listening(port, sink)
        message = "Subject: t\r\n\r\nline one\r\n.starts with a dot\r\nlast\r\n"
        with smtplib.SMTP("127.0.0.1", port, timeout=5) as client:
            code, _ = client.ehlo("bench")
            if code != 250:
                failures.append(f"EHLO answered {code}")
            for n in range(2):
                refused = client.sendmail("from@example.org", [f"to{n}@example.org"], message)
                if refused:
                    failures.append(f"message {n} refused for {refused}")
            if client.rset()[0] != 250 or client.noop()[0] != 250:
                failures.append("RSET or NOOP not answered 250")
            if client.docmd("VRFY", "someone")[0] != 502:
                failures.append("VRFY not answered 502")
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
            greeting = raw.recv(512)
            raw.sendall(b"NOOP " + b"x" * 2000 + b"\r\n")
            reply = b""
            while chunk := raw.recv(512):
                reply += chunk
            if not greeting.startswith(b"220") or not reply.startswith(b"500"):
                failures.append(f"long line: greeting {greeting!r}, reply {reply!r}")
    finally:
        sink.send_signal(signal.SIGTERM)
        try:
            status = sink.wait(timeout=5)
        except subprocess.TimeoutExpired:
            sink.kill()
            status = "still running 5 s after SIGTERM"
    if status != 0:
        failures.append(f"after SIGTERM the sink ended with {status}")
    for failure in failures:
        print("FAIL:", failure)
    if failures:
        sys.exit(1)
    print("smtp_discard_sink: all checks passed")


main()

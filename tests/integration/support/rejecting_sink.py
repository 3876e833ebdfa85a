#!/usr/bin/python3
# rejecting_sink.py: the mail tests' SMTP server — the dev sink (aiosmtpd's Maildir handler)
# plus refusals the real sink cannot make: RCPT TO a local part starting with "reject" gets a
# permanent 550, one starting with "tempfail" a temporary 451. Everything else is delivered to
# DIR/new like the stack's sink does.
#
#   rejecting_sink.py HOST PORT DIR      (runs until SIGTERM or SIGINT)
import asyncio
import os
import signal
import sys

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP


class RejectingMailbox(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject"):
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if local.startswith("tempfail"):
            return f"451 4.3.0 <{address}>: Temporary local problem, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: rejecting_sink.py HOST PORT DIR")
    host, port, directory = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(directory, sub), exist_ok=True)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    handler = RejectingMailbox(directory)
    server = loop.run_until_complete(
        loop.create_server(lambda: SMTP(handler, hostname="rejecting-sink"), host, port))
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.add_signal_handler(signal.SIGINT, loop.stop)
    print(f"rejecting sink listening on {host}:{port}, Maildir {directory}", flush=True)
    loop.run_forever()
    server.close()
    loop.run_until_complete(server.wait_closed())


if __name__ == "__main__":
    main()

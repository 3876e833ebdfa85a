#!/usr/bin/python3
# tls_sink.py: the mail tests' SMTP server for XUEJI_SMTP_TLS — the dev sink (aiosmtpd's Maildir
# handler) with a chosen kind of TLS, recording in each delivered message the TLS version it came
# over (X-Xueji-TLS: TLSv1.3, or "none"):
#   none      plain SMTP, no STARTTLS offered (like the stack's sink)
#   starttls  STARTTLS offered and required before MAIL FROM, so a delivered message proves TLS
#   smtps     TLS from the first byte (smtps://)
#
#   tls_sink.py HOST PORT DIR none|starttls|smtps [CERT KEY]     (runs until SIGTERM or SIGINT)
import asyncio
import os
import signal
import ssl
import sys

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP


class TlsRecordingMailbox(Mailbox):
    async def handle_DATA(self, server, session, envelope):
        message = self.prepare_message(session, envelope)
        ssl_object = server.transport.get_extra_info("ssl_object") if server.transport else None
        message["X-Xueji-TLS"] = ssl_object.version() if ssl_object else "none"
        self.handle_message(message)
        return "250 OK"


def main():
    if len(sys.argv) not in (5, 7) or sys.argv[4] not in ("none", "starttls", "smtps"):
        sys.exit("usage: tls_sink.py HOST PORT DIR none|starttls|smtps [CERT KEY]")
    host, port, directory, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    context = None
    if mode != "none":
        if len(sys.argv) != 7:
            sys.exit(f"tls_sink.py: {mode} needs CERT and KEY")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(sys.argv[5], sys.argv[6])
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(directory, sub), exist_ok=True)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    handler = TlsRecordingMailbox(directory)
    if mode == "starttls":
        factory = lambda: SMTP(handler, hostname="tls-sink", tls_context=context,
                               require_starttls=True)
        server_ssl = None
    else:
        factory = lambda: SMTP(handler, hostname="tls-sink")
        server_ssl = context  # None for plain SMTP
    server = loop.run_until_complete(loop.create_server(factory, host, port, ssl=server_ssl))
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.add_signal_handler(signal.SIGINT, loop.stop)
    print(f"tls sink ({mode}) listening on {host}:{port}, Maildir {directory}", flush=True)
    loop.run_forever()
    server.close()
    loop.run_until_complete(server.wait_closed())


if __name__ == "__main__":
    main()

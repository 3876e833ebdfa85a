// smtp_tls.h: how the mailer must protect its SMTP connection (XUEJI_SMTP_TLS). A relay on
// another machine gets TLS or nothing — STARTTLS or smtps://, the certificate verified — unless
// opportunistic TLS was chosen explicitly; a loopback relay (the dev sink, a local MTA) may speak
// plain SMTP, since the mail never crosses a network on its way to it.
#pragma once
#include <optional>
#include <string_view>

namespace xueji {

enum class SmtpTls {
  kRequired,       // STARTTLS (or smtps://) or no delivery; certificate and host name verified
  kOpportunistic,  // STARTTLS when the server offers it (still verified), plain SMTP otherwise
};

// "required" or "opportunistic"; nullopt for anything else.
std::optional<SmtpTls> parse_smtp_tls(std::string_view text);

// True when the host of an smtp:// or smtps:// URL is this machine: `localhost`, a dotted-decimal
// 127.0.0.0/8 address or [::1]. Any other name (even one resolving to 127.0.0.1) is not.
bool smtp_relay_is_loopback(std::string_view url);

// The policy in force: the explicit setting when there is one; unset, required — except for a
// loopback relay, which gets opportunistic (so the dev sink, which offers no STARTTLS, works).
// XUEJI_SMTP_TLS=required set explicitly holds for a loopback relay too.
SmtpTls effective_smtp_tls(std::optional<SmtpTls> setting, std::string_view url);

}  // namespace xueji

// typed_code.cpp: judging a typed e-mail code, and its clock on the page.
#include "flows/typed_code.h"

#include "core/crypto.h"
#include "flows/wizard.h"

namespace xueji {
namespace {

bool is_code_of(Context& ctx, const Session& session, std::string_view purpose,
                const store::EmailCodeRow& row, const std::string& digits) {
  std::string hmac = email_code_hmac(ctx.config.secret, purpose, session.id_hash, row.address,
                                     row.prefix, digits);
  return crypto::constant_time_equal(hmac, row.code_hmac);
}

// An older mail's code: one the session was sent in the window before the newest, or any code
// typed with letters other than the newest's.
bool matches_older(Context& ctx, const Session& session, std::string_view purpose,
                   const store::EmailCodeRow& newest, const TypedCode& typed) {
  if (!typed.prefix.empty() && typed.prefix != newest.prefix) return true;
  auto older = store::earlier_email_codes(ctx.db, session.id_hash, std::string(purpose), newest.id,
                                          ctx.clock.now() - kEmailSendWindow);
  for (const auto& row : older) {
    if (is_code_of(ctx, session, purpose, row, typed.digits)) return true;
  }
  return false;
}

}  // namespace

CodeVerdict judge_typed_code(Context& ctx, const Session& session, std::string_view purpose,
                             const std::optional<store::EmailCodeRow>& newest,
                             const TypedCode& typed) {
  std::optional<StoredCode> stored;
  bool live_match = false;
  bool older_match = false;
  if (newest) {
    stored = StoredCode{newest->state, newest->expires_at, newest->tries};
    bool prefix_ok = typed.prefix.empty() || typed.prefix == newest->prefix;
    live_match = prefix_ok && is_code_of(ctx, session, purpose, *newest, typed.digits);
    if (!live_match) older_match = matches_older(ctx, session, purpose, *newest, typed);
  }
  return judge_code(stored, live_match, older_match, ctx.clock.now());
}

void show_code_clock(ctemplate::TemplateDictionary& body, const store::EmailCodeRow& code,
                     TimePoint now) {
  long long left = std::chrono::duration_cast<Seconds>(code.expires_at - now).count();
  bool usable = code.state == "live" && left > 0;
  body.SetValue("EXPIRES_AT", std::to_string(wizard::unix_seconds(code.expires_at)));
  body.SetValue("TIME_LEFT", countdown_text(usable ? left : 0));
  if (!usable) body.ShowSection("CODE_EXPIRED");
  body.SetValue("RESEND_AT",
                std::to_string(wizard::unix_seconds(code.sent_at + kEmailResendCooldown)));
}

}  // namespace xueji

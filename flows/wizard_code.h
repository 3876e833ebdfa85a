// wizard_code.h: the wizard's e-mail code (manual 四 ⑩–⑭): sending one under the send limits
// (step 2, 變更E-Mail and 重新發送驗證代碼), and the 輸入驗證代碼 page that /apply/verify and
// /apply/resend both show.
#pragma once
#include <string>
#include <string_view>

#include "core/email_code.h"
#include "fcgi/context.h"
#include "fcgi/http.h"
#include "fcgi/session.h"
#include "sql/application_store.h"
#include "sql/email_code_store.h"

namespace xueji::wizard {

// The manual's words (四 ⑩) once a code is on its way.
inline constexpr std::string_view kCodeSentMessage =
    "請前往您的 E-Mail 收取信件，各 E-Mail 收信速度不同，並非即時收到信件，請稍等 1~3 分鐘";

struct SendResult {
  bool sent = false;
  SendDecision refusal;  // why not, when !sent
  std::string prefix;    // the new code's letters, when sent
};

// Sends a new code to `address` unless a limit holds. In one transaction, with the session's row
// locked so a double click cannot pass a limit twice: the live code is superseded, the new one
// stored (its HMAC only), the mail queued, the session moved to the code step with `flash` for the
// next page, and the audit row written. `is_resend` applies the 3-minute cooldown.
SendResult send_code(const http::Request& req, Context& ctx, Session& session,
                     const std::string& address, bool is_resend, std::string_view flash);

// The sentence for a refused send, with the wait.
std::string send_refusal_message(const SendDecision& refusal);

struct VerifyMessages {
  std::string code_error;    // next to the code field
  std::string resend_error;  // next to 重新發送驗證代碼
};

// The 輸入驗證代碼 page for the session's newest code. A flash left by the send that led here is
// shown (the manual's message, also as a dialog) once, then cleared.
http::Response verify_page(Context& ctx, Session& session, const store::Applicant& applicant,
                           const VerifyMessages& messages);
// The same page with the session's newest code already read (see store::find_code_page_rows).
http::Response verify_page(Context& ctx, Session& session, const store::Applicant& applicant,
                           const VerifyMessages& messages,
                           const std::optional<store::EmailCodeRow>& code);

}  // namespace xueji::wizard

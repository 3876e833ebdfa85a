// typed_code.h: what the wizard's 輸入驗證代碼 (/apply/verify) and 重設密碼 (/forgot/password/reset)
// share about the code a person typed: judging it against the session's codes, and the code's
// clock on the page (剩餘時間 and when 重新發送驗證代碼 opens).
#pragma once
#include <optional>
#include <string_view>

#include <ctemplate/template.h>

#include "core/email_code.h"
#include "fcgi/context.h"
#include "fcgi/session.h"
#include "sql/email_code_store.h"

namespace xueji {

// The verdict (core/email_code.h judge_code) on `typed` against `newest`, the session's newest code
// of `purpose`. The typed prefix and the codes the session was sent in the send window before the
// newest are considered, so an older mail's code is told apart from a wrong one.
CodeVerdict judge_typed_code(Context& ctx, const Session& session, std::string_view purpose,
                             const std::optional<store::EmailCodeRow>& newest,
                             const TypedCode& typed);

// Sets EXPIRES_AT, TIME_LEFT and RESEND_AT for xueji.js's countdowns and shows CODE_EXPIRED once
// the code can no longer be used.
void show_code_clock(ctemplate::TemplateDictionary& body, const store::EmailCodeRow& code,
                     TimePoint now);

}  // namespace xueji

// application_mail.h: the mail that tells an applicant the 個人業務帳號 now exists (manual 四 ⑳).
#pragma once
#include <string>

#include "core/clock.h"
#include "sql/outbox_store.h"

namespace xueji::wizard {

// Subject exactly 「【國民中小學學籍管理服務系統 2.0】個人業務帳號申請成功」; the body greets
// `name`, gives the account name and the application time in Asia/Taipei.
store::OutgoingMail application_success_mail(const std::string& recipient, const std::string& name,
                                             const std::string& login_name, TimePoint applied_at);

}  // namespace xueji::wizard

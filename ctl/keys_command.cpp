// keys_command.cpp: xueji-ctl keys rotate — a new ES256 signing key for ID tokens. The old key
// stays in the JWKS until every token it signed has expired; older retired keys are deleted.
#include <cstdio>

#include "core/oidc.h"
#include "core/oidc_keys.h"
#include "ctl/cli.h"
#include "sql/oidc_store.h"

namespace xueji::ctl {
namespace {

int rotate(Ctl& ctl, const Options&) {
  crypto::Random random;
  oidc::SealedKey sealed = oidc::new_sealed_key(ctl.config().secret, random);
  TimePoint now = ctl.now();
  store::Db& db = ctl.db();
  ctl.set_target("key:" + sealed.kid);
  int dropped = db.transaction([&] {
    int n = store::delete_old_signing_keys(db, now - oidc::kRetiredKeyKept);
    store::add_signing_key(db, {sealed.kid, sealed.private_box, sealed.x, sealed.y, now, {}}, now);
    ctl.audit("keys.rotate", "key:" + sealed.kid);
    return n;
  });
  std::printf("新的簽章金鑰 kid: %s（ES256）；舊金鑰保留於 JWKS 至其簽發的權杖過期%s。\n",
              sealed.kid.c_str(),
              dropped ? ("，已刪除 " + std::to_string(dropped) + " 把過期的舊金鑰").c_str() : "");
  return 0;
}

}  // namespace

const Command& keys_rotate_command() {
  static const Command command{"keys rotate", "keys rotate",
                               "產生新的 ID token 簽章金鑰（ES256，以伺服器密鑰加密存於資料庫）；舊金鑰在其權杖過期前仍公開於 JWKS。",
                               {}, {}, 0, 0, "keys.rotate", rotate};
  return command;
}

}  // namespace xueji::ctl

// client_command.cpp: xueji-ctl client add|list|remove|rotate-secret — the OpenID Connect
// clients (applications) the sysadmin registers. A secret is shown once and stored hashed.
#include <cstdio>
#include <string>

#include "core/crypto.h"
#include "core/oidc.h"
#include "ctl/cli.h"
#include "sql/oidc_store.h"

namespace xueji::ctl {
namespace {

std::vector<std::string> checked_uris(const Options& options, std::string_view name) {
  std::vector<std::string> uris = options.all(name);
  for (const auto& uri : uris) {
    if (!oidc::valid_redirect_uri(uri)) {
      throw Refused(std::string(name) + " 「" + uri +
                    "」須為 https:// 網址（開發用可為 http://127.0.0.1 或 localhost），不含 # 與空白，至多 500 個位元組");
    }
  }
  return uris;
}

int add(Ctl& ctl, const Options& options) {
  std::string name = options.required("--name");
  if (name.empty() || name.size() > 100) throw Refused("--name 須為 1 至 100 個位元組");
  std::vector<std::string> redirects = checked_uris(options, "--redirect-uri");
  if (redirects.empty()) throw UsageError("至少需要一個 --redirect-uri");
  std::vector<std::string> logouts = checked_uris(options, "--post-logout-redirect-uri");
  crypto::Random random;
  store::OidcClient client;
  client.client_id = random.token(16);
  std::string secret = random.token(32);
  client.name = name;
  client.secret_hash = oidc::token_hash(secret);
  client.redirect_uris = redirects;
  client.post_logout_redirect_uris = logouts;
  ctl.set_target("client:" + client.client_id);
  store::Db& db = ctl.db();
  db.transaction([&] {
    store::insert_oidc_client(db, client, ctl.now());
    ctl.audit("client.add", "client:" + client.client_id);
  });
  std::printf("client_id: %s\nclient_secret: %s\n（client_secret 只顯示這一次，請交給應用系統的管理者妥善保存。）\n",
              client.client_id.c_str(), secret.c_str());
  return 0;
}

int list(Ctl& ctl, const Options&) {
  auto clients = store::list_oidc_clients(ctl.db());
  if (clients.empty()) print_line("（尚未登記任何應用系統）");
  for (const auto& c : clients) {
    print_line(c.client_id + "\t" + c.name);
    for (const auto& uri : c.redirect_uris) print_line("\tredirect_uri: " + uri);
    for (const auto& uri : c.post_logout_redirect_uris) print_line("\tpost_logout_redirect_uri: " + uri);
  }
  ctl.audit("client.list", "");
  return 0;
}

int remove(Ctl& ctl, const Options& options) {
  const std::string& id = options.positional().at(0);
  ctl.set_target("client:" + id);
  store::Db& db = ctl.db();
  bool removed = db.transaction([&] {
    if (!store::delete_oidc_client(db, id)) return false;
    ctl.audit("client.remove", "client:" + id);
    return true;
  });
  if (!removed) throw Refused("找不到應用系統「" + id + "」");
  print_line("已移除應用系統 " + id + "，它的授權碼與存取權杖一併失效。");
  return 0;
}

int rotate_secret(Ctl& ctl, const Options& options) {
  const std::string& id = options.positional().at(0);
  ctl.set_target("client:" + id);
  crypto::Random random;
  std::string secret = random.token(32);
  store::Db& db = ctl.db();
  bool changed = db.transaction([&] {
    if (!store::set_oidc_client_secret(db, id, oidc::token_hash(secret), ctl.now())) return false;
    ctl.audit("client.rotate_secret", "client:" + id);
    return true;
  });
  if (!changed) throw Refused("找不到應用系統「" + id + "」");
  std::printf("client_id: %s\nclient_secret: %s\n（新的 client_secret 只顯示這一次；舊的已失效。）\n",
              id.c_str(), secret.c_str());
  return 0;
}

}  // namespace

const Command& client_add_command() {
  static const Command command{
      "client add",
      "client add --name NAME --redirect-uri URI [--redirect-uri URI…] "
      "[--post-logout-redirect-uri URI…]",
      "登記一個以 OpenID Connect 登入的應用系統；印出 client_id 與只顯示一次的 client_secret。",
      {"--name", "--redirect-uri", "--post-logout-redirect-uri"}, {}, 0, 0, "client.add", add};
  return command;
}

const Command& client_list_command() {
  static const Command command{"client list", "client list",
                               "列出已登記的應用系統與其返回網址（不含密鑰）。",
                               {}, {}, 0, 0, "client.list", list};
  return command;
}

const Command& client_remove_command() {
  static const Command command{"client remove", "client remove CLIENT_ID",
                               "移除一個應用系統，它的授權碼與存取權杖一併失效。",
                               {}, {}, 1, 1, "client.remove", remove};
  return command;
}

const Command& client_rotate_secret_command() {
  static const Command command{"client rotate-secret", "client rotate-secret CLIENT_ID",
                               "換發應用系統的 client_secret（只顯示一次），舊的立即失效。",
                               {}, {}, 1, 1, "client.rotate_secret", rotate_secret};
  return command;
}

}  // namespace xueji::ctl

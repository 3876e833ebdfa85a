// jwt.cpp: ES256 over mbedTLS's ECDSA (each mbedTLS context an RAII holder), and compact JWS.
#include "core/jwt.h"

#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>
#include <mbedtls/sha256.h>

#include <stdexcept>

#include "core/json.h"

namespace xueji::jwt {
namespace {

constexpr std::size_t kCoordinateBytes = 32;

void check(int rc, const char* what) {
  if (rc != 0) throw std::runtime_error(std::string(what) + " failed (" + std::to_string(rc) + ")");
}

struct Mpi {
  mbedtls_mpi value;
  Mpi() { mbedtls_mpi_init(&value); }
  ~Mpi() { mbedtls_mpi_free(&value); }
  Mpi(const Mpi&) = delete;
  Mpi& operator=(const Mpi&) = delete;
};

struct Ecdsa {
  mbedtls_ecdsa_context ctx;
  Ecdsa() { mbedtls_ecdsa_init(&ctx); }
  ~Ecdsa() { mbedtls_ecdsa_free(&ctx); }
  Ecdsa(const Ecdsa&) = delete;
  Ecdsa& operator=(const Ecdsa&) = delete;
};

int random_callback(void* random, unsigned char* out, std::size_t n) {
  try {
    std::string bytes = static_cast<crypto::Random*>(random)->bytes(n);
    std::copy(bytes.begin(), bytes.end(), out);
    return 0;
  } catch (...) {
    return -1;  // no exception crosses the C callback
  }
}

std::string write_mpi(const mbedtls_mpi& value) {
  std::string out(kCoordinateBytes, '\0');
  check(mbedtls_mpi_write_binary(&value, reinterpret_cast<unsigned char*>(out.data()), out.size()),
        "mbedtls_mpi_write_binary");
  return out;
}

void read_mpi(mbedtls_mpi& value, std::string_view bytes) {
  check(mbedtls_mpi_read_binary(&value, reinterpret_cast<const unsigned char*>(bytes.data()),
                                bytes.size()),
        "mbedtls_mpi_read_binary");
}

// Loads the curve and the public point; false when the point is not on the curve.
bool load_public(Ecdsa& ecdsa, const EcKey& key) {
  check(mbedtls_ecp_group_load(&ecdsa.ctx.grp, MBEDTLS_ECP_DP_SECP256R1), "mbedtls_ecp_group_load");
  if (key.x.size() != kCoordinateBytes || key.y.size() != kCoordinateBytes) return false;
  read_mpi(ecdsa.ctx.Q.X, key.x);
  read_mpi(ecdsa.ctx.Q.Y, key.y);
  check(mbedtls_mpi_lset(&ecdsa.ctx.Q.Z, 1), "mbedtls_mpi_lset");
  return mbedtls_ecp_check_pubkey(&ecdsa.ctx.grp, &ecdsa.ctx.Q) == 0;
}

std::string digest(std::string_view message) { return crypto::sha256(message); }

}  // namespace

EcKey generate_p256(crypto::Random& random) {
  Ecdsa ecdsa;
  check(mbedtls_ecdsa_genkey(&ecdsa.ctx, MBEDTLS_ECP_DP_SECP256R1, random_callback, &random),
        "mbedtls_ecdsa_genkey");
  return {write_mpi(ecdsa.ctx.d), write_mpi(ecdsa.ctx.Q.X), write_mpi(ecdsa.ctx.Q.Y)};
}

std::string es256_sign(const EcKey& key, std::string_view message, crypto::Random& random) {
  if (key.d.size() != kCoordinateBytes) throw std::runtime_error("ES256: not a private P-256 key");
  Ecdsa ecdsa;
  check(mbedtls_ecp_group_load(&ecdsa.ctx.grp, MBEDTLS_ECP_DP_SECP256R1), "mbedtls_ecp_group_load");
  read_mpi(ecdsa.ctx.d, key.d);
  std::string hash = digest(message);
  Mpi r, s;
  check(mbedtls_ecdsa_sign(&ecdsa.ctx.grp, &r.value, &s.value, &ecdsa.ctx.d,
                           reinterpret_cast<const unsigned char*>(hash.data()), hash.size(),
                           random_callback, &random),
        "mbedtls_ecdsa_sign");
  return write_mpi(r.value) + write_mpi(s.value);
}

bool es256_verify(const EcKey& public_key, std::string_view message, std::string_view signature) {
  if (signature.size() != 2 * kCoordinateBytes) return false;
  Ecdsa ecdsa;
  if (!load_public(ecdsa, public_key)) return false;
  Mpi r, s;
  read_mpi(r.value, signature.substr(0, kCoordinateBytes));
  read_mpi(s.value, signature.substr(kCoordinateBytes));
  std::string hash = digest(message);
  return mbedtls_ecdsa_verify(&ecdsa.ctx.grp, reinterpret_cast<const unsigned char*>(hash.data()),
                              hash.size(), &ecdsa.ctx.Q, &r.value, &s.value) == 0;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  std::string standard(text);
  for (char& c : standard) {
    if (c == '+' || c == '/' || c == '=') return std::nullopt;
    if (c == '-') c = '+';
    else if (c == '_') c = '/';
  }
  return crypto::base64_decode(standard);
}

std::string header_json(std::string_view kid) {
  return json::Object().add("alg", "ES256").add("typ", "JWT").add("kid", kid).str();
}

std::string sign(std::string_view kid, std::string_view payload_json, const EcKey& key,
                 crypto::Random& random) {
  std::string input = crypto::base64url(header_json(kid)) + "." + crypto::base64url(payload_json);
  return input + "." + crypto::base64url(es256_sign(key, input, random));
}

std::optional<std::string> verify(std::string_view token, std::string_view kid,
                                  const EcKey& public_key) {
  std::size_t first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  std::size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  auto header = base64url_decode(token.substr(0, first));
  if (!header || *header != header_json(kid)) return std::nullopt;
  auto payload = base64url_decode(token.substr(first + 1, second - first - 1));
  auto signature = base64url_decode(token.substr(second + 1));
  if (!payload || !signature) return std::nullopt;
  if (!es256_verify(public_key, token.substr(0, second), *signature)) return std::nullopt;
  return payload;
}

std::optional<std::string> kid_of(std::string_view token) {
  auto header = base64url_decode(token.substr(0, token.find('.')));
  if (!header) return std::nullopt;
  const std::string prefix = R"({"alg":"ES256","typ":"JWT","kid":")";
  if (header->rfind(prefix, 0) != 0 || header->size() < prefix.size() + 2 ||
      header->substr(header->size() - 2) != "\"}") {
    return std::nullopt;
  }
  std::string kid = header->substr(prefix.size(), header->size() - prefix.size() - 2);
  if (header_json(kid) != *header) return std::nullopt;
  return kid;
}

std::string public_jwk(std::string_view kid, const EcKey& key) {
  return json::Object()
      .add("kty", "EC")
      .add("crv", "P-256")
      .add("x", crypto::base64url(key.x))
      .add("y", crypto::base64url(key.y))
      .add("kid", kid)
      .add("use", "sig")
      .add("alg", "ES256")
      .str();
}

}  // namespace xueji::jwt

// SPDX-License-Identifier: MIT
#include "hash.hpp"

#include <memory>
#include <openssl/evp.h>

#include "error.hpp"

namespace linkctl {
namespace {

// OpenSSL 3 looks the algorithm up on every implicit use (EVP_Digest with
// EVP_sha256()); fetching it once and reusing one context is several times cheaper.
struct Sha256 {
  EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Sha256() {
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
  }
};

}  // namespace

std::string sha256_hex(std::string_view data) {
  static Sha256 sha;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!sha.md || !sha.ctx || EVP_DigestInit_ex(sha.ctx, sha.md, nullptr) != 1 ||
      EVP_DigestUpdate(sha.ctx, data.data(), data.size()) != 1 || EVP_DigestFinal_ex(sha.ctx, digest, &len) != 1)
    throw Error(ErrorKind::internal, "SHA-256 failed in OpenSSL");
  static constexpr char hex[] = "0123456789abcdef";
  std::string out(len * 2, '0');
  for (unsigned i = 0; i < len; ++i) {
    out[2 * i] = hex[digest[i] >> 4];
    out[2 * i + 1] = hex[digest[i] & 0xf];
  }
  return out;
}

}  // namespace linkctl

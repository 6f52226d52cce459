// SPDX-License-Identifier: MIT
#include "hash.hpp"

// OpenSSL 3's EVP interface initialises its provider machinery on first use (reading
// openssl.cnf, registering every algorithm name): 5.3 million instructions, more than
// the rest of a `linkctl file`. The SHA256_* functions call the same implementation
// (including its SHA-NI/AVX code) directly; they are deprecated in 3.0 in favour of
// EVP, not removed, so say so here rather than pay that start-up on every write.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include "error.hpp"
#include "i18n.hpp"

namespace linkctl {

std::string sha256_hex(std::string_view data) {
  SHA256_CTX ctx;
  unsigned char digest[SHA256_DIGEST_LENGTH];
  if (SHA256_Init(&ctx) != 1 || SHA256_Update(&ctx, data.data(), data.size()) != 1 || SHA256_Final(digest, &ctx) != 1)
    throw Error(ErrorKind::internal, _("SHA-256 failed in OpenSSL"));
  static constexpr char hex[] = "0123456789abcdef";
  std::string out(sizeof digest * 2, '0');
  for (std::size_t i = 0; i < sizeof digest; ++i) {
    out[2 * i] = hex[digest[i] >> 4];
    out[2 * i + 1] = hex[digest[i] & 0xf];
  }
  return out;
}

}  // namespace linkctl

#pragma once

namespace provider::pgp {

/// Prepares the process for librnp; call before every rnp_ffi_create (only the first call
/// does anything).
///
/// librnp on its OpenSSL 3 backend (the release binary's) does two things to the process's
/// OpenSSL that need help:
/// - It refuses to start unless OpenSSL's "legacy" provider loads, and that provider is a module
///   OpenSSL would dlopen from the build machine's path: absent on other distributions, and
///   unsafe to load into a static binary where it exists. Encrypting to a public key never uses
///   the legacy ciphers (CAST5, Blowfish, IDEA: librnp encrypts with AES), so an empty provider
///   is registered under that name instead.
/// - It loads the "default" provider with each context and unloads it with the context. An
///   explicit load ends OpenSSL's implicit loading of it, so once the first context is gone,
///   nothing in the process could hash or draw random bytes any more (the IAM token's JWT, TLS).
///   The default provider is therefore loaded here for the life of the process.
/// librnp on Botan (the everyday build) touches neither; loading the default provider early is
/// what OpenSSL would do on first use anyway.
void PrepareCryptoBackend();

}  // namespace provider::pgp

#pragma once

namespace provider::pgp {

/// Prepares the process for librnp; call before every rnp_ffi_create (only the first call
/// does anything).
///
/// librnp on its OpenSSL 3 backend (the release binary's) refuses to start unless OpenSSL's
/// "legacy" provider loads, and that provider is a module OpenSSL would dlopen from the build
/// machine's path: absent on other distributions, and unsafe to load into a static binary
/// where it exists. Encrypting to a public key never uses the legacy ciphers (CAST5, Blowfish,
/// IDEA: librnp encrypts with AES), so an empty provider is registered under that name
/// instead. librnp on Botan (the everyday build) does not look for it at all.
void PrepareCryptoBackend();

}  // namespace provider::pgp

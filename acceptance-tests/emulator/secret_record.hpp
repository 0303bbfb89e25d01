#pragma once

#include <string_view>

#include "acceptance-tests/emulator/emulator.hpp"

namespace emulator {

/// Appends a secret the emulator just handed out to `options.record_secrets_file` (when set),
/// hex encoded so the record itself never reads as the secret. Safe from any thread.
void RecordIssuedSecret(const Options& options, std::string_view secret);

}  // namespace emulator

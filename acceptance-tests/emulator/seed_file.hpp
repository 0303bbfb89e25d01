#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "acceptance-tests/emulator/state.hpp"

// Seed documents (see README.md), from the --seed file or POST /admin/seed.
namespace emulator {

/// The seed file's document; throws std::runtime_error saying what is wrong with the file (it
/// cannot be read, is not JSON, or is not a JSON object).
nlohmann::json ReadSeedFile(const std::string& path);

/// Merges `seed` into `state` entirely or not at all; throws std::runtime_error starting with
/// `source` (what the seed came from) when it is malformed.
void MergeSeed(State& state, const nlohmann::json& seed, const std::string& source);

}  // namespace emulator

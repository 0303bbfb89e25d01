#pragma once

#include <gtest/gtest.h>

#include <string>

#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {

/// A test that runs once with each client of plugin protocol 6 (Terraform, and OpenTofu where it
/// is installed), skipping with a visible message where the client is missing. Instantiate with
/// INSTANTIATE_TEST_SUITE_P(<Group>, <Fixture>, kEachCli, CliTestName).
class EachCli : public testing::TestWithParam<Cli> {
protected:
    void SetUp() override {
        if (const auto missing = CliMissing(GetParam()))
            GTEST_SKIP() << *missing;
    }
};

inline const auto kEachCli = testing::Values(Cli::kTerraform, Cli::kOpenTofu);

/// Names each instance after its client: `.../terraform`, `.../opentofu`.
inline std::string CliTestName(const testing::TestParamInfo<Cli>& instance) {
    return CliName(instance.param);
}

}  // namespace acceptance

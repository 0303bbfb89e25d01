// The yandex_iam_service_account_api_keys data source under terraform against the emulator: it
// lists a service account's keys with their expiry and last use (found by the example's
// expressions: expiring within 30 days, never used), plans nothing the second time, holds no
// secret, and shows an API refusal as the user's error.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/terraform.hpp"
#include "test_support/temp_dir.hpp"

namespace acceptance {
namespace {

using nlohmann::json;

// RFC 3339 text `days` from now, whole seconds, UTC.
std::string DaysFromNow(int days) {
    const auto when = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + std::chrono::days(days));
    std::tm utc{};
    gmtime_r(&when, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::vector<std::string> Sorted(const json& list) {
    auto items = list.get<std::vector<std::string>>();
    std::sort(items.begin(), items.end());
    return items;
}

class ServiceAccountApiKeysDataSource : public ::testing::Test {
protected:
    void WriteConfig() {
        workspace_.WriteConfig(RequiredProvidersBlock() + emulator_.ProviderBlock() + R"(
resource "yandex_iam_service_account_api_key" "soon" {
  service_account_id = ")" + std::string(EmulatorProcess::kServiceAccount) +
                               R"("
  description        = "expires within 30 days"
  scopes             = ["yc.postbox.send"]
  expires_at         = ")" + DaysFromNow(10) +
                               R"("
}

resource "yandex_iam_service_account_api_key" "later" {
  service_account_id = ")" + std::string(EmulatorProcess::kServiceAccount) +
                               R"("
  scopes             = ["yc.monitoring.read"]
  expires_at         = ")" + DaysFromNow(90) +
                               R"("
}

resource "yandex_iam_service_account_api_key" "forever" {
  service_account_id = ")" + std::string(EmulatorProcess::kServiceAccount) +
                               R"("
  scopes             = ["yc.postbox.send"]
}

data "yandex_iam_service_account_api_keys" "all" {
  service_account_id = ")" + std::string(EmulatorProcess::kServiceAccount) +
                               R"("
  depends_on         = [yandex_iam_service_account_api_key.soon, yandex_iam_service_account_api_key.later,
                        yandex_iam_service_account_api_key.forever]
}

locals {
  keys = data.yandex_iam_service_account_api_keys.all.api_keys
  soon = timeadd(plantimestamp(), "720h")
}

output "expiring_within_30_days" {
  # A key that never expires (expires_at = null) counts as expiring at the end of time.
  value = [for key in local.keys : key.id if timecmp(coalesce(key.expires_at, "9999-12-31T23:59:59Z"), local.soon) < 0]
}

output "never_used" {
  value = [for key in local.keys : key.id if key.last_used_at == null]
}

output "ids" {
  value = {
    soon    = yandex_iam_service_account_api_key.soon.id
    later   = yandex_iam_service_account_api_key.later.id
    forever = yandex_iam_service_account_api_key.forever.id
  }
}

output "later_secret" {
  value     = yandex_iam_service_account_api_key.later.secret_key
  sensitive = true
}
)");
    }

    EmulatorProcess emulator_;
    TerraformWorkspace workspace_;
};

TEST_F(ServiceAccountApiKeysDataSource, FindsExpiringAndUnusedKeysAndPlansNothingTheSecondTime) {
    WriteConfig();
    const auto applied = workspace_.Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    auto outputs = workspace_.RunJson({"output", "-json"});
    const auto ids = outputs["ids"]["value"];
    EXPECT_EQ(Sorted(outputs["expiring_within_30_days"]["value"]), std::vector<std::string>{ids["soon"]});
    EXPECT_EQ(outputs["never_used"]["value"].size(), 3U);

    // The `later` key is used once; the next read sees it.
    ASSERT_EQ(emulator_.Probe(outputs["later_secret"]["value"], "yc.monitoring.read"), 200);
    const auto refreshed = workspace_.Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(refreshed.exit_code, 0) << refreshed.out << refreshed.err;
    outputs = workspace_.RunJson({"output", "-json"});
    std::vector<std::string> unused{ids["soon"], ids["forever"]};
    std::sort(unused.begin(), unused.end());
    EXPECT_EQ(Sorted(outputs["never_used"]["value"]), unused);

    const auto planned = workspace_.Run({"plan", "-detailed-exitcode", "-no-color"});
    EXPECT_EQ(planned.exit_code, 0) << planned.out << planned.err;

    // What the data source put in the state: the documented attributes of each key, no secret.
    const auto state = json::parse(test_support::ReadFile(workspace_.Directory() / "terraform.tfstate"));
    bool found = false;
    for (const auto& resource : state["resources"]) {
        if (resource["mode"] != "data")
            continue;
        found = true;
        const auto& keys = resource["instances"][0]["attributes"]["api_keys"];
        ASSERT_EQ(keys.size(), 3U);
        for (const auto& key : keys) {
            std::vector<std::string> names;
            for (const auto& [name, value] : key.items())
                names.push_back(name);
            EXPECT_EQ(
                names,
                (std::vector<std::string>{"created_at", "description", "expires_at", "id", "last_used_at", "scopes"}));
        }
    }
    EXPECT_TRUE(found);

    const auto destroyed = workspace_.Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(emulator_.State()["apiKeys"].empty());
}

TEST_F(ServiceAccountApiKeysDataSource, ARefusalIsTheUsersErrorWithTheCloudsReason) {
    workspace_.WriteConfig(RequiredProvidersBlock() + emulator_.ProviderBlock() + R"(
data "yandex_iam_service_account_api_keys" "all" {
  service_account_id = ")" +
                           std::string(EmulatorProcess::kServiceAccount) +
                           R"("
}
)");
    emulator_.Fault({{"method", "GET"}, {"path", "/iam/v1/apiKeys"}, {"status", 403}, {"count", "all"}});
    const auto planned = workspace_.Run({"plan", "-no-color"});
    EXPECT_NE(planned.exit_code, 0);
    EXPECT_NE(planned.err.find("Error: Cannot list the API keys of service account " +
                               std::string(EmulatorProcess::kServiceAccount)),
              std::string::npos)
        << planned.err;
    EXPECT_NE(planned.err.find("PERMISSION_DENIED"), std::string::npos) << planned.err;
}

TEST_F(ServiceAccountApiKeysDataSource, AnEmptyServiceAccountIdIsRefusedAtItsAttribute) {
    workspace_.WriteConfig(RequiredProvidersBlock() + emulator_.ProviderBlock() + R"(
data "yandex_iam_service_account_api_keys" "all" {
  service_account_id = ""
}
)");
    const auto validated = workspace_.Run({"validate", "-no-color"});
    EXPECT_NE(validated.exit_code, 0);
    EXPECT_NE(validated.err.find("service_account_id = \"\""), std::string::npos) << validated.err;
}

}  // namespace
}  // namespace acceptance

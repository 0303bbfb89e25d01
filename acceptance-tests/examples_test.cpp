// Every example under examples/ works as published: `terraform validate`, then apply against the
// emulator, plan again (nothing to change), destroy, and no key left behind; with OpenTofu too.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <tuple>

#include "acceptance-tests/support/each_cli.hpp"
#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/terraform.hpp"
#include "test_support/gpg.hpp"

namespace acceptance {

using test_support::GpgKeyring;
using test_support::ReadFile;

namespace {

// The runnable examples, each a folder with main.tf; the docs' snippets (provider/ and
// resources/) are run together as the folder "registry-snippets".
const std::vector<std::string> kExamples = {"basic",
                                            "lockbox",
                                            "migration",
                                            "pgp",
                                            "quickstart",
                                            "rotation",
                                            "rotation-overlap",
                                            "scoped-expiring",
                                            "side-by-side"};

// An example in a fresh workspace whose environment points the provider at a fresh emulator,
// the way a user's YC_* variables point it at Yandex Cloud.
class ExampleRun {
public:
    explicit ExampleRun(const std::string& name, Cli cli = Cli::kTerraform) : workspace_(cli) {
        const auto folder = ExamplesDirectory() / name;
        workspace_.CopyFrom(folder);
        workspace_.SetEnvironment(emulator_.ProviderEnvironment());
        workspace_.SetEnvironment("TF_VAR_service_account_id", EmulatorProcess::kServiceAccount);
        workspace_.SetEnvironment("TF_VAR_lockbox_secret_id", EmulatorProcess::kLockboxSecret);
        workspace_.SetEnvironment("TF_VAR_pgp_public_key", keyring_.PublicKeyBase64());
    }

    void Expect(std::initializer_list<std::string> args, int exit_code = 0) const {
        const auto result = workspace_.Run(args);
        EXPECT_EQ(result.exit_code, exit_code) << CliName(workspace_.Client()) << " " << *args.begin() << ":\n"
                                               << result.out << result.err;
    }
    void ApplyAndPlanNothing() const {
        Expect({"validate", "-no-color"});
        Expect({"apply", "-auto-approve", "-no-color"});
        Expect({"plan", "-detailed-exitcode", "-no-color"});
    }
    void DestroyAndExpectNothingLeft() const {
        Expect({"destroy", "-auto-approve", "-no-color"});
        EXPECT_TRUE(emulator_.State()["apiKeys"].empty()) << "keys left in the cloud after destroy";
    }
    std::vector<std::string> KeyIds() const {
        std::vector<std::string> ids;
        const auto state = emulator_.State();
        for (const auto& key : state["apiKeys"])
            ids.push_back(key["id"]);
        return ids;
    }

    EmulatorProcess& Emulator() { return emulator_; }
    TerraformWorkspace& Workspace() { return workspace_; }

private:
    EmulatorProcess emulator_;
    GpgKeyring keyring_;
    TerraformWorkspace workspace_;
};

class Example : public testing::TestWithParam<std::tuple<std::string, Cli>> {
protected:
    void SetUp() override {
        if (const auto missing = CliMissing(std::get<1>(GetParam())))
            GTEST_SKIP() << *missing;
    }
};

TEST_P(Example, AppliesPlansNothingAndDestroys) {
    const auto& [example, cli] = GetParam();
    ExampleRun run(example, cli);
    // Both use the official provider next to this one; the tests cannot download it.
    if (example == "side-by-side" || example == "migration")
        run.Workspace().StandInForOfficialProvider();
    run.ApplyAndPlanNothing();
    EXPECT_FALSE(run.KeyIds().empty()) << "the example made no key";
    run.DestroyAndExpectNothingLeft();
}

INSTANTIATE_TEST_SUITE_P(Examples,
                         Example,
                         testing::Combine(testing::ValuesIn(kExamples), kEachCli),
                         [](const testing::TestParamInfo<Example::ParamType>& instance) {
                             auto name = std::get<0>(instance.param) + "_" + CliName(std::get<1>(instance.param));
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(Examples, EveryExampleFolderIsTested) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(ExamplesDirectory())) {
        if (std::filesystem::exists(entry.path() / "main.tf"))
            found.push_back(entry.path().filename().string());
    }
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, kExamples);
}

// The snippets the docs show (examples/provider and examples/<kind>/<type>/*.tf, the layout
// tfplugindocs reads) form a configuration that works too, kind by kind: each kind's snippets
// together with the provider's, in a workspace and emulator of their own, since a data source that
// lists keys would otherwise see the keys another kind's snippets make come and go. Every kind's
// folder is found here, so a new resource, data source or ephemeral resource needs no change.
class RegistrySnippets : public EachCli {};

TEST_P(RegistrySnippets, AppliesPlansNothingAndDestroys) {
    int kinds = 0;
    for (const std::string kind : {"resources", "data-sources", "ephemeral-resources"}) {
        const auto kind_folder = ExamplesDirectory() / kind;
        if (!std::filesystem::is_directory(kind_folder))
            continue;
        // OpenTofu 1.6 has no ephemeral blocks (Terraform has them since 1.10).
        if (kind == "ephemeral-resources" && GetParam() == Cli::kOpenTofu)
            continue;
        SCOPED_TRACE(kind);
        ExampleRun run("provider", GetParam());
        for (const auto& type : std::filesystem::directory_iterator(kind_folder)) {
            if (!type.is_directory())
                continue;
            for (const auto& file : std::filesystem::directory_iterator(type.path())) {
                // resource.tf of several types share a workspace, so each is named by its type.
                if (file.path().extension() == ".tf")
                    run.Workspace().WriteFile(type.path().filename().string() + "-" + file.path().filename().string(),
                                              ReadFile(file.path()));
            }
        }
        run.ApplyAndPlanNothing();
        run.DestroyAndExpectNothingLeft();
        ++kinds;
    }
    EXPECT_GT(kinds, 0);
}

INSTANTIATE_TEST_SUITE_P(Examples, RegistrySnippets, kEachCli, CliTestName);

// examples/rotation: a new `rotation` value makes the new key before the old one goes.
TEST(Examples, RotationReplacesTheKeyCreateBeforeDestroy) {
    ExampleRun run("rotation");
    run.ApplyAndPlanNothing();
    const auto before = run.KeyIds();
    ASSERT_EQ(before.size(), 1U);
    run.Workspace().SetEnvironment("TF_VAR_rotation", "second");
    const auto rotated = run.Workspace().Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(rotated.exit_code, 0) << rotated.out << rotated.err;
    EXPECT_LT(rotated.out.find("Creation complete"), rotated.out.find("Destruction complete"))
        << "create before destroy:\n"
        << rotated.out;
    const auto after = run.KeyIds();
    ASSERT_EQ(after.size(), 1U);
    EXPECT_NE(after, before);
    run.Expect({"plan", "-detailed-exitcode", "-no-color"});
    run.DestroyAndExpectNothingLeft();
}

// examples/rotation-overlap: each rotation renews one of two keys, so the secret clients were
// given stays valid for one more rotation.
TEST(Examples, RotationOverlapKeepsThePreviousSecretWorkingForOneMoreTurn) {
    ExampleRun run("rotation-overlap");
    run.ApplyAndPlanNothing();
    const auto current_secret = [&run] {
        // Kept out of the test's output: a secret never reaches a log.
        const auto output = run.Workspace().Run({"output", "-raw", "current_api_key"});
        EXPECT_EQ(output.exit_code, 0) << output.err;
        return output.out;
    };
    const auto probe = [&run](const std::string& secret) { return run.Emulator().Probe(secret, "yc.postbox.send"); };
    const auto first = current_secret();
    EXPECT_EQ(probe(first), 200);

    run.Workspace().SetEnvironment("TF_VAR_generation", "1");
    run.Expect({"apply", "-auto-approve", "-no-color"});
    run.Expect({"plan", "-detailed-exitcode", "-no-color"});
    const auto second = current_secret();
    EXPECT_TRUE(second != first) << "a new current key (secrets not shown)";
    EXPECT_EQ(probe(second), 200);
    EXPECT_EQ(probe(first), 200) << "the previous key works until the next rotation";

    run.Workspace().SetEnvironment("TF_VAR_generation", "2");
    run.Expect({"apply", "-auto-approve", "-no-color"});
    EXPECT_NE(probe(first), 200) << "two rotations later the first key is gone";
    EXPECT_EQ(probe(second), 200);
    EXPECT_EQ(run.KeyIds().size(), 2U);
    run.DestroyAndExpectNothingLeft();
}

// --- examples/migration, both ways its README describes ---

using nlohmann::json;

const std::string kOfficialProvider = "provider[\"registry.terraform.io/yandex-cloud/yandex\"]";
const std::string kOurProvider = "provider[\"registry.terraform.io/yc-apikeys/yandex\"]";
const std::string kProviderLine = "  provider           = yandex-apikeys\n";

// The state as the official provider (terraform-plugin-sdk, schema version 0) writes it for the
// keys it made: its address, and "" where this provider stores null for an unset attribute.
json AsTheOfficialProviderWroteIt(json state) {
    for (auto& resource : state["resources"]) {
        if (resource["type"] != "yandex_iam_service_account_api_key")
            continue;
        resource["provider"] = kOfficialProvider;
        for (auto& instance : resource["instances"]) {
            instance["schema_version"] = 0;
            for (const auto* unset :
                 {"expires_at", "pgp_key", "encrypted_secret_key", "key_fingerprint", "output_to_lockbox_version_id"}) {
                if (instance["attributes"][unset].is_null())
                    instance["attributes"][unset] = "";
            }
        }
    }
    state["serial"] = state["serial"].get<int>() + 1;
    return state;
}

// A resource of another type, as the official provider writes it: what it goes on managing next
// to the keys. The stand-in cannot serve this type, so only commands that leave it alone run
// while it is in the state.
json OfficialNetwork() {
    return {{"mode", "managed"},
            {"type", "yandex_vpc_network"},
            {"name", "default"},
            {"provider", kOfficialProvider},
            {"instances",
             {{{"schema_version", 0},
               {"attributes",
                {{"id", "enp9rm1debn7usfmtlnv"},
                 {"name", "default"},
                 {"description", ""},
                 {"folder_id", "b1g0000000000000000a"},
                 {"labels", json::object()},
                 {"created_at", "2024-05-01T10:00:00Z"},
                 {"default_security_group_id", "enpdefaultsecgroup01"},
                 {"subnet_ids", json::array()},
                 {"timeouts", nullptr}}},
               {"sensitive_attributes", json::array()}}}}};
}

// Each resource of a state by its address ("type.name").
std::map<std::string, json> Resources(const json& state) {
    std::map<std::string, json> resources;
    for (const auto& resource : state["resources"])
        resources[resource["type"].get<std::string>() + "." + resource["name"].get<std::string>()] = resource;
    return resources;
}

// The example as it was before the move: every resource on the official provider.
std::string BeforeTheMove(std::string main_tf) {
    const auto line = main_tf.find(kProviderLine);
    EXPECT_NE(line, std::string::npos) << "examples/migration/main.tf no longer sets provider = yandex-apikeys";
    if (line != std::string::npos)
        main_tf.erase(line, kProviderLine.size());
    return main_tf;
}

// Something else the official provider manages stays with it; with the stand-in that is a key
// too, since the stand-in serves no other type.
const char* const kStaysWithTheOfficialProvider = R"(
resource "yandex_iam_service_account_api_key" "stays" {
  service_account_id = var.service_account_id
  description        = "Stays with yandex-cloud/yandex"
}
)";

// Keys and a resource of the official provider: the keys the example moves, made by the official
// provider's address and written the way it writes them.
void ApplyAsTheOfficialProvider(ExampleRun& run, const std::string& extra_config = "") {
    run.Workspace().StandInForOfficialProvider();
    const auto main_tf = ReadFile(run.Workspace().Directory() / "main.tf");
    run.Workspace().WriteFile("main.tf", BeforeTheMove(main_tf) + extra_config);
    run.Expect({"apply", "-auto-approve", "-no-color"});
    const auto state = run.Workspace().RunJson({"state", "pull"});
    run.Workspace().WriteFile("terraform.tfstate", AsTheOfficialProviderWroteIt(state).dump(2));
    run.Workspace().WriteFile("main.tf", main_tf + extra_config);
}

// The way for a workspace where the official provider manages more than keys: the second local
// name and `provider =` on the key. Terraform hands the key's state to the provider the
// configuration names: no change planned, and apply records the new provider for the key only.
TEST(Examples, MigrationMovesOnlyTheKeysWithASecondLocalName) {
    ExampleRun run("migration");
    ApplyAsTheOfficialProvider(run, kStaysWithTheOfficialProvider);
    const auto before = Resources(run.Workspace().RunJson({"state", "pull"}));
    ASSERT_EQ(before.at("yandex_iam_service_account_api_key.moved")["provider"], kOfficialProvider);
    const auto ids = run.KeyIds();

    run.Expect({"plan", "-detailed-exitcode", "-no-color"});
    const auto applied = run.Workspace().Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    EXPECT_NE(applied.out.find("Resources: 0 added, 0 changed, 0 destroyed"), std::string::npos) << applied.out;

    const auto after = Resources(run.Workspace().RunJson({"state", "pull"}));
    const auto& moved = after.at("yandex_iam_service_account_api_key.moved");
    EXPECT_EQ(moved["provider"], kOurProvider);
    EXPECT_EQ(after.at("yandex_iam_service_account_api_key.stays")["provider"], kOfficialProvider);
    const auto& old_key = before.at("yandex_iam_service_account_api_key.moved")["instances"][0]["attributes"];
    const auto& new_key = moved["instances"][0]["attributes"];
    EXPECT_EQ(new_key["id"], old_key["id"]);
    EXPECT_TRUE(new_key["secret_key"] == old_key["secret_key"]) << "the secret stays in the state (values not shown)";
    EXPECT_EQ(run.KeyIds(), ids) << "no key was re-created";
    const auto shown = run.Workspace().Run({"show", "-json"});
    EXPECT_NE(shown.out.find("\"provider_name\":\"registry.terraform.io/yc-apikeys/yandex\""), std::string::npos);
    run.Expect({"plan", "-detailed-exitcode", "-no-color"});
    run.DestroyAndExpectNothingLeft();
}

// The same move next to a resource of another type (a network), which must stay with the
// official provider untouched, while `terraform state replace-provider` would take it along. The
// stand-in cannot read a network, so the commands are limited to the key with -target.
TEST(Examples, MigrationLeavesOtherResourceTypesWithTheOfficialProvider) {
    ExampleRun run("migration");
    ApplyAsTheOfficialProvider(run);
    auto state = run.Workspace().RunJson({"state", "pull"});
    state["resources"].push_back(OfficialNetwork());
    state["serial"] = state["serial"].get<int>() + 1;
    const auto official_state = state.dump(2);

    // replace-provider moves everything of the official provider, the network included.
    run.Workspace().WriteFile("terraform.tfstate", official_state);
    run.Expect({"state",
                "replace-provider",
                "-auto-approve",
                "registry.terraform.io/yandex-cloud/yandex",
                "registry.terraform.io/yc-apikeys/yandex"});
    EXPECT_EQ(Resources(run.Workspace().RunJson({"state", "pull"})).at("yandex_vpc_network.default")["provider"],
              kOurProvider);

    // The second local name moves the key alone.
    auto restored = json::parse(official_state);
    restored["serial"] = run.Workspace().RunJson({"state", "pull"})["serial"].get<int>() + 1;
    run.Workspace().WriteFile("terraform.tfstate", restored.dump(2));
    const std::string key = "-target=yandex_iam_service_account_api_key.moved";
    run.Expect({"plan", "-detailed-exitcode", "-no-color", key});
    run.Expect({"apply", "-auto-approve", "-no-color", key});
    const auto after = Resources(run.Workspace().RunJson({"state", "pull"}));
    EXPECT_EQ(after.at("yandex_iam_service_account_api_key.moved")["provider"], kOurProvider);
    const auto& network = after.at("yandex_vpc_network.default");
    EXPECT_EQ(network["provider"], kOfficialProvider);
    EXPECT_EQ(network["instances"][0]["attributes"], OfficialNetwork()["instances"][0]["attributes"])
        << "the network was touched";

    run.Expect({"destroy", "-auto-approve", "-no-color", key});
    EXPECT_TRUE(run.Emulator().State()["apiKeys"].empty()) << "keys left in the cloud after destroy";
}

// The way for a workspace where the official provider manages only keys: change the source and
// `terraform state replace-provider`.
TEST(Examples, MigrationOfAKeysOnlyWorkspaceWithReplaceProvider) {
    ExampleRun run("migration");
    ApplyAsTheOfficialProvider(run);
    const auto ids = run.KeyIds();
    // The configuration after step 1: one provider, this one, under the name "yandex".
    run.Workspace().WriteConfig(R"(
terraform {
  required_providers {
    yandex = {
      source = "yc-apikeys/yandex"
    }
  }
}

provider "yandex" {}

variable "service_account_id" {
  type = string
}

resource "yandex_iam_service_account_api_key" "moved" {
  service_account_id = var.service_account_id
  description        = "Created by yandex-cloud/yandex, now managed here"
  scopes             = ["yc.postbox.send"]
}

output "api_key_id" {
  value = yandex_iam_service_account_api_key.moved.id
}
)");
    run.Expect({"state",
                "replace-provider",
                "-auto-approve",
                "registry.terraform.io/yandex-cloud/yandex",
                "registry.terraform.io/yc-apikeys/yandex"});
    run.Expect({"plan", "-detailed-exitcode", "-no-color"});
    EXPECT_EQ(run.KeyIds(), ids) << "the key was not re-created";
    run.DestroyAndExpectNothingLeft();
}

}  // namespace
}  // namespace acceptance

// Every example under examples/ works as published: `terraform validate`, then apply against the
// emulator, plan again (nothing to change), destroy, and no key left behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/gpg.hpp"
#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {
namespace {

// The runnable examples, each a folder with main.tf; the docs' snippets (provider/ and
// resources/) are run together as the folder "registry-snippets".
const std::vector<std::string> kExamples = {
    "basic", "lockbox", "migration", "pgp", "quickstart", "rotation", "scoped-expiring", "side-by-side"};

// An example in a fresh workspace whose environment points the provider at a fresh emulator,
// the way a user's YC_* variables point it at Yandex Cloud.
class ExampleRun {
public:
    explicit ExampleRun(const std::string& name) {
        const auto folder = ExamplesDirectory() / name;
        workspace_.CopyFrom(folder);
        workspace_.SetEnvironment(emulator_.ProviderEnvironment());
        workspace_.SetEnvironment("TF_VAR_service_account_id", EmulatorProcess::kServiceAccount);
        workspace_.SetEnvironment("TF_VAR_lockbox_secret_id", EmulatorProcess::kLockboxSecret);
        workspace_.SetEnvironment("TF_VAR_pgp_public_key", keyring_.PublicKeyBase64());
    }

    void Expect(std::initializer_list<std::string> args, int exit_code = 0) const {
        const auto result = workspace_.Run(args);
        EXPECT_EQ(result.exit_code, exit_code) << "terraform " << *args.begin() << ":\n" << result.out << result.err;
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

class Example : public testing::TestWithParam<std::string> {};

TEST_P(Example, AppliesPlansNothingAndDestroys) {
    ExampleRun run(GetParam());
    if (GetParam() == "side-by-side")
        run.Workspace().StandInForOfficialProvider();
    run.ApplyAndPlanNothing();
    EXPECT_FALSE(run.KeyIds().empty()) << "the example made no key";
    run.DestroyAndExpectNothingLeft();
}

INSTANTIATE_TEST_SUITE_P(Examples, Example, testing::ValuesIn(kExamples), [](const auto& example) {
    auto name = example.param;
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

// The snippets the docs show (examples/provider and examples/resources/<type>, the layout
// tfplugindocs reads) together form a configuration that works too.
TEST(Examples, RegistrySnippetsApply) {
    ExampleRun run("provider");
    run.Workspace().CopyFrom(ExamplesDirectory() / "resources" / "yandex_iam_service_account_api_key");
    run.ApplyAndPlanNothing();
    run.DestroyAndExpectNothingLeft();
}

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

// examples/migration, step by step as its README says: keys made under the official provider's
// address move with `terraform state replace-provider` and plan no change.
TEST(Examples, MigrationFromTheOfficialProviderPlansNoChange) {
    ExampleRun run("migration");
    run.Workspace().StandInForOfficialProvider();
    const auto main_tf = run.Workspace().Directory() / "main.tf";
    const auto ours = ReadFile(main_tf);
    auto official = ours;
    official.replace(
        official.find("yc-apikeys/yandex"), std::string("yc-apikeys/yandex").size(), "yandex-cloud/yandex");
    run.Workspace().WriteFile("main.tf", official);
    run.Expect({"apply", "-auto-approve", "-no-color"});
    const auto id = run.KeyIds();
    run.Workspace().WriteFile("main.tf", ours);
    run.Expect({"state",
                "replace-provider",
                "-auto-approve",
                "registry.terraform.io/yandex-cloud/yandex",
                "registry.terraform.io/yc-apikeys/yandex"});
    run.Expect({"plan", "-detailed-exitcode", "-no-color"});
    EXPECT_EQ(run.KeyIds(), id) << "the key was not re-created";
    run.DestroyAndExpectNothingLeft();
}

}  // namespace
}  // namespace acceptance

#include "resources/iam_service_account_api_key/lockbox_retirement.hpp"

#include <gtest/gtest.h>

namespace provider {
namespace {

using tfplugin::framework::PrivateState;

TEST(LockboxRetirementRecord, VersionsToRetireSurviveTheBytesTerraformStores) {
    PrivateState state;
    RememberVersionsToRetire(state, {{"e6qsecret1", "e6qv1", false}, {"e6qsecret2", "e6qv2", true}});
    MarkKeyGone(state);
    const auto parsed = PrivateState::Parse(state.Serialize());
    const auto versions = VersionsToRetire(parsed);
    ASSERT_EQ(versions.size(), 2U);
    EXPECT_EQ(versions[0].secret_id, "e6qsecret1");
    EXPECT_EQ(versions[0].version_id, "e6qv1");
    EXPECT_FALSE(versions[0].confirm_new_home);
    EXPECT_TRUE(versions[1].confirm_new_home);
    EXPECT_TRUE(KeyGone(parsed));
}

TEST(LockboxRetirementRecord, NothingLeftAndNoMarkLeaveNoBytes) {
    PrivateState state;
    RememberVersionsToRetire(state, {{"e6qsecret1", "e6qv1", false}});
    MarkKeyGone(state);
    RememberVersionsToRetire(state, {});
    ClearKeyGone(state);
    EXPECT_EQ(state.Serialize(), "");
}

TEST(LockboxRetirementRecord, EntriesOfTheWrongShapeAreIgnoredWithoutAThrow) {
    const auto parsed = PrivateState::Parse(
        R"({"lockbox_versions_to_retire":"[{\"secretId\":1,\"versionId\":\"v\"},\"x\",{\"secretId\":\"s\",\"versionId\":\"v\"}]"})");
    const auto versions = VersionsToRetire(parsed);
    ASSERT_EQ(versions.size(), 1U);
    EXPECT_EQ(versions[0].secret_id, "s");
    EXPECT_TRUE(VersionsToRetire(PrivateState::Parse(R"({"lockbox_versions_to_retire":"not json"})")).empty());
}

}  // namespace
}  // namespace provider

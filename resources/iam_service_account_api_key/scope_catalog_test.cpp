#include "resources/iam_service_account_api_key/scope_catalog.hpp"

#include <gtest/gtest.h>

namespace provider {
namespace {

const std::vector<std::string> kScopes = {
    "yc.ai.foundationModels.execute", "yc.postbox.send", "yc.ydb.tables.manage", "yc.ydb.topics.manage"};

TEST(ClosestScope, SuggestsTheNearestSpelling) {
    EXPECT_EQ(ClosestScope(kScopes, "yc.postbox.sendd"), "yc.postbox.send");
    EXPECT_EQ(ClosestScope(kScopes, "yc.ydb.table.manage"), "yc.ydb.tables.manage");
    EXPECT_EQ(ClosestScope(kScopes, "yc.ydb.topic.manage"), "yc.ydb.topics.manage");
    EXPECT_EQ(ClosestScope(kScopes, "yc.ai.foundationmodels.execute"), "yc.ai.foundationModels.execute");
}

TEST(ClosestScope, NothingToSuggestFromAnEmptyList) {
    EXPECT_EQ(ClosestScope({}, "yc.postbox.send"), "");
}

}  // namespace
}  // namespace provider

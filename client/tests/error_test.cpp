#include "client/error.hpp"

#include <gtest/gtest.h>

namespace ycloud {
namespace {

TEST(ErrorFromResponse, ReadsYandexErrorJson) {
    const auto error = ErrorFromResponse(
        404,
        R"({"code":5,"message":"ApiKey aje123 not found","details":[{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"abc"}]})",
        {});
    EXPECT_TRUE(error.IsNotFound());
    EXPECT_EQ(error.message, "ApiKey aje123 not found");
    EXPECT_EQ(error.request_id, "abc");
    EXPECT_FALSE(error.retryable);
    EXPECT_EQ(error.ToString(), "NOT_FOUND (HTTP 404): ApiKey aje123 not found [request id abc]");
}

TEST(ErrorFromResponse, FallsBackToTheStatusAndHeader) {
    const auto error = ErrorFromResponse(502, "<html>Bad Gateway</html>", {{"x-request-id", "r-1"}});
    EXPECT_EQ(error.code, GrpcCode::kInternal);
    EXPECT_EQ(error.request_id, "r-1");
    EXPECT_TRUE(error.retryable);
    EXPECT_NE(error.message.find("HTTP 502"), std::string::npos);
}

TEST(ErrorFromResponse, OnlyOverloadAndOutagesAreRetryable) {
    EXPECT_TRUE(ErrorFromResponse(429, "", {}).retryable);
    EXPECT_TRUE(ErrorFromResponse(503, "", {}).retryable);
    EXPECT_FALSE(ErrorFromResponse(400, "", {}).retryable);
    EXPECT_FALSE(ErrorFromResponse(401, "", {}).retryable);
    EXPECT_FALSE(ErrorFromResponse(409, "", {}).retryable);
}

}  // namespace
}  // namespace ycloud

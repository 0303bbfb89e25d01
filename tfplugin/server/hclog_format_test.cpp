#include "tfplugin/server/hclog_format.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

namespace tfplugin::server {
namespace {

nlohmann::json Format(spdlog::level::level_enum level, std::string_view text) {
    HclogJsonFormatter formatter("provider");
    spdlog::details::log_msg message("provider", level, text);
    spdlog::memory_buf_t buffer;
    formatter.format(message, buffer);
    const std::string line(buffer.data(), buffer.size());
    EXPECT_EQ(line.back(), '\n');
    EXPECT_EQ(line.find('\n'), line.size() - 1) << "one record, one line";
    return nlohmann::json::parse(line);
}

TEST(HclogJsonFormatter, WritesTheKeysGoPluginParses) {
    const auto line = Format(spdlog::level::debug, "hello");
    EXPECT_EQ(line["@level"], "debug");
    EXPECT_EQ(line["@message"], "hello");
    EXPECT_EQ(line["@module"], "provider");
    // hclog's layout: 2006-01-02T15:04:05.000000Z07:00
    EXPECT_TRUE(std::regex_match(line["@timestamp"].get<std::string>(),
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)")))
        << line["@timestamp"];
}

TEST(HclogJsonFormatter, MapsLevels) {
    EXPECT_EQ(Format(spdlog::level::trace, "x")["@level"], "trace");
    EXPECT_EQ(Format(spdlog::level::info, "x")["@level"], "info");
    EXPECT_EQ(Format(spdlog::level::warn, "x")["@level"], "warn");
    EXPECT_EQ(Format(spdlog::level::err, "x")["@level"], "error");
}

TEST(HclogJsonFormatter, EscapesAndRepairsText) {
    EXPECT_EQ(Format(spdlog::level::info, "a \"quoted\"\nline")["@message"], "a \"quoted\"\nline");
    EXPECT_EQ(Format(spdlog::level::info, "bad \xff byte")["@message"], "bad \xEF\xBF\xBD byte");
}

TEST(LevelFromName, FollowsTfLog) {
    EXPECT_EQ(LevelFromName("trace"), spdlog::level::trace);
    EXPECT_EQ(LevelFromName("JSON"), spdlog::level::trace);
    EXPECT_EQ(LevelFromName("DEBUG"), spdlog::level::debug);
    EXPECT_EQ(LevelFromName("off"), spdlog::level::off);
    EXPECT_EQ(LevelFromName(""), spdlog::level::warn);
}

}  // namespace
}  // namespace tfplugin::server

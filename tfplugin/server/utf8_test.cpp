#include "tfplugin/server/utf8.hpp"

#include <gtest/gtest.h>

namespace tfplugin::server {
namespace {

TEST(ForceValidUtf8, KeepsValidText) {
    EXPECT_EQ(ForceValidUtf8("plain"), "plain");
    EXPECT_EQ(ForceValidUtf8("ключ 🔑"), "ключ 🔑");
}

TEST(ForceValidUtf8, ReplacesEachBadByte) {
    EXPECT_EQ(ForceValidUtf8("a\xff"
                             "b"),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(ForceValidUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
    EXPECT_EQ(ForceValidUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
    EXPECT_EQ(ForceValidUtf8("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // truncated
}

}  // namespace
}  // namespace tfplugin::server

// The schema section of a computed list of objects, as tfplugindocs writes it: the attribute's
// line points below, the object's attributes follow in a section of their own under the
// attribute's group, and the docs test's entry list sees them there.
#include "tools/schema_docs/schema_markdown.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace schema_docs {
namespace {

const nlohmann::json kBlock = nlohmann::json::parse(R"({
  "attributes": {
    "owner": {"type": "string", "required": true, "description": "Whose."},
    "items": {
      "type": ["list", ["object", {"name": "string", "tags": ["set", "string"], "at": ["object", {"day": "number"}]}]],
      "computed": true,
      "description": "What there is."
    }
  }
})");

TEST(SchemaMarkdown, ObjectAttributesGetANestedSectionUnderTheirGroup) {
    EXPECT_EQ(RenderSchema(kBlock),
              "## Schema\n\n"
              "### Required\n\n"
              "- `owner` (String) Whose.\n\n"
              "### Read-Only\n\n"
              "- `items` (List of Object) What there is. (see [below for nested schema](#nestedatt--items))\n\n"
              "<a id=\"nestedatt--items\"></a>\n"
              "### Nested Schema for `items`\n\n"
              "Read-Only:\n\n"
              "- `at` (Object) (see [below for nested schema](#nestedatt--items--at))\n"
              "- `name` (String)\n"
              "- `tags` (Set of String)\n\n\n"
              "<a id=\"nestedatt--items--at\"></a>\n"
              "### Nested Schema for `items.at`\n\n"
              "Read-Only:\n\n"
              "- `day` (Number)");
}

TEST(SchemaMarkdown, TheEntriesOfObjectAttributesAreWhatTheSectionDocuments) {
    const auto section = RenderSchema(kBlock);
    auto documented = DocumentedEntries(section);
    auto expected = SchemaEntries(kBlock);
    std::sort(documented.begin(), documented.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(documented, expected);
    EXPECT_NE(std::find(expected.begin(), expected.end(), Entry{"items.at.day", "Read-Only"}), expected.end());
}

}  // namespace
}  // namespace schema_docs

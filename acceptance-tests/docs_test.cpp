// The docs against the provider: every schema attribute is documented and every documented one
// exists (the reference sections are generated from the schema and must be up to date), and the
// example on each page works when pasted into a configuration.
#include <gtest/gtest.h>

#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/gpg.hpp"
#include "acceptance-tests/support/terraform.hpp"
#include "tools/schema_docs/schema_markdown.hpp"

namespace acceptance {
namespace {

using nlohmann::json;

const std::string kProviderAddress = "registry.terraform.io/yc-apikeys/yandex";

json ProviderSchema() {
    TerraformWorkspace workspace;
    workspace.WriteConfig(RequiredProvidersBlock());
    return workspace.RunJson({"providers", "schema", "-json"})["provider_schemas"][kProviderAddress];
}

struct Page {
    std::string path;  // below docs/
    json block;
};

std::vector<Page> Pages() {
    const auto schema = ProviderSchema();
    std::vector<Page> pages{{"index.md", schema["provider"]["block"]}};
    for (const auto& [type, resource] : schema["resource_schemas"].items())
        pages.push_back({"resources/" + type.substr(type.find('_') + 1) + ".md", resource["block"]});
    return pages;
}

std::string DocsPage(const std::string& path) {
    return ReadFile(SourceDirectory() / "docs" / path);
}

TEST(Docs, ReferenceSectionsMatchTheSchema) {
    for (const auto& page : Pages()) {
        SCOPED_TRACE(page.path);
        const auto text = DocsPage(page.path);
        const auto regenerated =
            schema_docs::ReplaceGeneratedSection(text, schema_docs::RenderBlockReference(page.block));
        ASSERT_TRUE(regenerated) << "no generated-section markers";
        EXPECT_TRUE(*regenerated == text) << "out of date with the schema: run scripts/docs";
    }
}

TEST(Docs, EverySchemaAttributeIsDocumentedAndEveryDocumentedOneExists) {
    for (const auto& page : Pages()) {
        SCOPED_TRACE(page.path);
        const auto in_schema = schema_docs::SchemaNames(page.block);
        const auto documented = schema_docs::DocumentedNames(DocsPage(page.path));
        for (const auto& name : in_schema)
            EXPECT_TRUE(documented.count(name)) << "not documented: " << name;
        for (const auto& name : documented)
            EXPECT_TRUE(in_schema.count(name)) << "documented but not in the schema: " << name;
    }
}

// The first ```terraform block after "## Example Usage".
std::string ExampleUsage(const std::string& page) {
    const auto section = page.find("## Example Usage");
    const auto begin = page.find("```terraform\n", section);
    const auto end = page.find("```\n", begin + 13);
    if (section == std::string::npos || begin == std::string::npos || end == std::string::npos)
        return "";
    return page.substr(begin + 13, end - begin - 13);
}

// What a new user does: paste the page's example into main.tf, with credentials and endpoint in
// the environment (here: the emulator, seeded with the ids the example uses) and apply it.
TEST(Docs, ExamplesOnThePagesApplyWhenPasted) {
    for (const auto* path : {"index.md", "resources/iam_service_account_api_key.md"}) {
        SCOPED_TRACE(path);
        const auto example = ExampleUsage(DocsPage(path));
        ASSERT_FALSE(example.empty()) << "no Example Usage";
        EmulatorProcess emulator;
        emulator.Seed({{"lockboxSecrets", {{{"id", "e6q8rl3hr3nfi6b3h5tk"}, {"entries", {{"note", "kept"}}}}}}});
        GpgKeyring keyring;
        TerraformWorkspace workspace;
        workspace.WriteConfig(example);
        workspace.WriteFile("public.gpg", keyring.PublicKeyBinary());
        workspace.SetEnvironment(emulator.ProviderEnvironment());
        const auto applied = workspace.Run({"apply", "-auto-approve", "-no-color"});
        ASSERT_EQ(applied.exit_code, 0) << example << applied.out << applied.err;
        EXPECT_FALSE(emulator.State()["apiKeys"].empty());
        const auto planned = workspace.Run({"plan", "-detailed-exitcode", "-no-color"});
        EXPECT_EQ(planned.exit_code, 0) << planned.out << planned.err;
        const auto destroyed = workspace.Run({"destroy", "-auto-approve", "-no-color"});
        EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
        EXPECT_TRUE(emulator.State()["apiKeys"].empty());
    }
}

}  // namespace
}  // namespace acceptance

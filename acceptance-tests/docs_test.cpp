// The docs against the provider: each page's "## Schema" section is what tfplugindocs would
// generate from the schema (so every attribute appears under its Required / Optional / Read-Only
// heading, and nothing else does), the links work where the Terraform Registry serves the pages,
// and the example on each page works when pasted into a configuration.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/terraform.hpp"
#include "test_support/gpg.hpp"
#include "tools/schema_docs/schema_markdown.hpp"

namespace acceptance {

using test_support::GpgKeyring;
using test_support::ReadFile;

namespace {

using nlohmann::json;

const std::string kProviderAddress = "registry.terraform.io/yc-apikeys/yandex";

json ProviderSchema() {
    TerraformWorkspace workspace;
    workspace.WriteConfig(RequiredProvidersBlock());
    return workspace.RunJson({"providers", "schema", "-json"})["provider_schemas"][kProviderAddress];
}

// Every kind's pages, found from the schema: a new resource, data source or ephemeral resource
// is checked without a change here.
std::vector<schema_docs::SchemaPage> SchemaPages() {
    return schema_docs::SchemaPages(ProviderSchema());
}

std::string DocsPage(const std::string& path) {
    return ReadFile(SourceDirectory() / "docs" / path);
}

TEST(Docs, SchemaSectionsAreWhatTheGeneratorWritesFromTheSchema) {
    for (const auto& page : SchemaPages()) {
        SCOPED_TRACE(page.path);
        const auto text = DocsPage(page.path);
        const auto regenerated = schema_docs::ReplaceGeneratedSection(text, schema_docs::RenderSchema(page.block));
        ASSERT_TRUE(regenerated) << "no generated-section markers";
        EXPECT_TRUE(*regenerated == text) << "out of date with the schema: run scripts/docs";
    }
}

// Read from the page itself, not from the generator: a renderer bug that drops an attribute, puts
// it under the wrong heading or documents one twice fails here even when the page is up to date.
TEST(Docs, EverySchemaEntryIsDocumentedOnceUnderItsHeadingAndNothingElseIs) {
    for (const auto& page : SchemaPages()) {
        SCOPED_TRACE(page.path);
        const auto section = schema_docs::GeneratedSection(DocsPage(page.path));
        ASSERT_TRUE(section) << "no generated-section markers";
        EXPECT_NE(section->find("\n## Schema\n"), std::string::npos) << *section;
        std::map<std::string, std::string> in_schema;
        for (const auto& entry : schema_docs::SchemaEntries(page.block))
            in_schema[entry.path] = entry.group;
        std::map<std::string, std::string> documented;
        for (const auto& entry : schema_docs::DocumentedEntries(*section)) {
            EXPECT_TRUE(documented.emplace(entry.path, entry.group).second) << "documented twice: " << entry.path;
        }
        for (const auto& [path, group] : in_schema) {
            const auto found = documented.find(path);
            if (found == documented.end())
                ADD_FAILURE() << "not documented: " << path;
            else
                EXPECT_EQ(found->second, group) << path << " is under the wrong heading";
        }
        for (const auto& [path, group] : documented)
            EXPECT_TRUE(in_schema.count(path)) << "documented but not in the schema: " << path;
    }
}

TEST(Docs, ResourceSchemaGroupsAsTfplugindocsDoes) {
    const auto schema = ProviderSchema();
    const auto& block = schema["resource_schemas"]["yandex_iam_service_account_api_key"]["block"];
    std::map<std::string, std::string> groups;
    for (const auto& entry : schema_docs::SchemaEntries(block))
        groups[entry.path] = entry.group;
    EXPECT_EQ(groups["service_account_id"], "Required");
    EXPECT_EQ(groups["scopes"], "Optional");
    EXPECT_EQ(groups["secret_key"], "Read-Only");
    EXPECT_EQ(groups["output_to_lockbox"], "Optional");
    EXPECT_EQ(groups["output_to_lockbox.secret_id"], "Required");
    EXPECT_EQ(groups["timeouts"], "Optional");
    EXPECT_EQ(groups["timeouts.create"], "Optional");
    const auto page = DocsPage("resources/iam_service_account_api_key.md");
    for (const auto* line :
         {"- `secret_key` (String, Sensitive) ",
          "- `scope` (String, Deprecated) ",
          "- `scopes` (List of String) ",
          "- `output_to_lockbox` (Block List, Max: 1) ",
          "(see [below for nested schema](#nestedblock--output_to_lockbox))\n",
          "- `timeouts` (Block, Optional) ",
          "(see [below for nested schema](#nestedblock--timeouts))\n",
          "<a id=\"nestedblock--output_to_lockbox\"></a>\n### Nested Schema for `output_to_lockbox`\n\n"
          "Required:\n\n",
          "<a id=\"nestedblock--timeouts\"></a>\n### Nested Schema for `timeouts`\n\nOptional:\n\n"}) {
        EXPECT_NE(page.find(line), std::string::npos) << "missing: " << line;
    }
}

// --- Links, as the Terraform Registry serves the pages ---

// The Registry serves docs/index.md at <provider>/<version>/docs and docs/<kind>/<name>.md at
// <provider>/<version>/docs/<kind>/<name> (no .md, no trailing slash) and does not rewrite relative
// links, so a browser resolves them against those addresses. Only pages inside docs/ exist there.
std::string RegistryAddress(const std::string& page) {
    if (page == "index.md")
        return "docs";
    return "docs/" + page.substr(0, page.size() - 3);
}

// The pages the Registry publishes: index.md and the Markdown files one folder down.
std::vector<std::string> RegistryPages(const std::filesystem::path& docs) {
    std::vector<std::string> pages{"index.md"};
    for (const auto& folder : std::filesystem::directory_iterator(docs)) {
        if (!folder.is_directory())
            continue;
        for (const auto& file : std::filesystem::directory_iterator(folder.path())) {
            if (file.path().extension() == ".md")
                pages.push_back(folder.path().filename().string() + "/" + file.path().filename().string());
        }
    }
    std::sort(pages.begin(), pages.end());
    return pages;
}

// Link targets of a Markdown page, outside code blocks and code spans: inline links, reference
// definitions and HTML hrefs.
std::vector<std::string> LinkTargets(const std::string& markdown) {
    std::string prose;
    bool in_fence = false;
    std::istringstream lines(markdown);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("```", 0) == 0) {
            in_fence = !in_fence;
            continue;
        }
        if (!in_fence)
            prose += std::regex_replace(line, std::regex("`[^`]*`"), "``") + "\n";
    }
    std::vector<std::string> targets;
    for (const auto* pattern : {R"re(\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\))re",
                                R"re((?:^|\n)\s*\[[^\]]+\]:\s*<?([^\s>]+))re",
                                R"re(href="([^"]+)")re"}) {
        const std::regex link(pattern);
        for (std::sregex_iterator it(prose.begin(), prose.end(), link), end; it != end; ++it)
            targets.push_back((*it)[1].str());
    }
    return targets;
}

// `relative` resolved against `base` as a browser does (RFC 3986), or nullopt when it climbs above
// the Registry's version root, that is, out of docs/.
std::optional<std::string> Resolve(const std::string& base, const std::string& relative) {
    std::vector<std::string> segments;
    std::istringstream base_parts(base.substr(0, base.rfind('/') == std::string::npos ? 0 : base.rfind('/')));
    for (std::string part; std::getline(base_parts, part, '/');)
        segments.push_back(part);
    std::istringstream parts(relative);
    for (std::string part; std::getline(parts, part, '/');) {
        if (part == "." || part.empty())
            continue;
        if (part == "..") {
            if (segments.empty())
                return std::nullopt;
            segments.pop_back();
        } else {
            segments.push_back(part);
        }
    }
    std::string resolved;
    for (const auto& segment : segments)
        resolved += (resolved.empty() ? "" : "/") + segment;
    return resolved;
}

// The anchors a page offers: its headings' ids as the Registry (and GitHub) make them, and
// explicit <a id="…"> anchors.
std::set<std::string> Anchors(const std::string& markdown) {
    std::set<std::string> anchors;
    std::istringstream lines(markdown);
    bool in_fence = false;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("```", 0) == 0)
            in_fence = !in_fence;
        if (in_fence)
            continue;
        std::smatch id;
        if (std::regex_search(line, id, std::regex(R"re(<a id="([^"]+)">)re")))
            anchors.insert(id[1].str());
        if (line.rfind('#', 0) != 0)
            continue;
        const auto start = line.find_first_not_of("# ");
        std::string slug;
        for (const char c : line.substr(start == std::string::npos ? line.size() : start)) {
            if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')
                slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            else if (c == ' ')
                slug += '-';
        }
        anchors.insert(slug);
    }
    return anchors;
}

// What is wrong with the links of `page` (a path below docs/) given the docs folder's pages.
std::vector<std::string> LinkProblems(const std::string& page,
                                      const std::string& text,
                                      const std::map<std::string, std::string>& pages) {
    std::map<std::string, std::string> by_address;
    for (const auto& [path, content] : pages)
        by_address[RegistryAddress(path)] = path;
    std::vector<std::string> problems;
    for (const auto& target : LinkTargets(text)) {
        if (std::regex_search(target, std::regex("^[A-Za-z][A-Za-z0-9+.-]*:")))
            continue;  // https:, mailto: ...
        const auto hash = target.find('#');
        const auto path = target.substr(0, hash);
        const auto fragment = hash == std::string::npos ? "" : target.substr(hash + 1);
        std::string linked_page = page;
        if (!path.empty()) {
            if (path.size() >= 3 && path.substr(path.size() - 3) == ".md") {
                problems.push_back(target + ": the Registry serves pages without .md");
                continue;
            }
            if (path[0] == '/') {
                problems.push_back(target + ": an absolute path is not the provider's on the Registry");
                continue;
            }
            const auto resolved = Resolve(RegistryAddress(page), path);
            const auto found = resolved ? by_address.find(*resolved) : by_address.end();
            if (found == by_address.end()) {
                problems.push_back(target + ": leaves docs/ or names no page there (resolves to " +
                                   resolved.value_or("above docs/") + ")");
                continue;
            }
            linked_page = found->second;
        }
        if (!fragment.empty() && !Anchors(pages.at(linked_page)).count(fragment))
            problems.push_back(target + ": " + linked_page + " has no anchor #" + fragment);
    }
    return problems;
}

TEST(Docs, LinksUseTheRegistrysAddressesAndStayInsideDocs) {
    const auto docs = SourceDirectory() / "docs";
    std::map<std::string, std::string> pages;
    for (const auto& page : RegistryPages(docs))
        pages[page] = DocsPage(page);
    ASSERT_TRUE(pages.count("resources/iam_service_account_api_key.md"));
    ASSERT_TRUE(pages.count("guides/secret-handling.md"));
    for (const auto& [page, text] : pages) {
        for (const auto& problem : LinkProblems(page, text, pages))
            ADD_FAILURE() << page << ": " << problem;
    }
}

// The check itself: it catches what GitHub renders but the Registry cannot.
TEST(Docs, LinkCheckRejectsMdLinksAndLinksOutOfDocs) {
    const std::map<std::string, std::string> pages = {
        {"index.md", "# Provider\n"},
        {"resources/key.md", "# Key\n\n## Import\n"},
        {"guides/guide.md", "# Guide\n\n## Migrating from the official provider\n"},
    };
    const auto problems = [&](const std::string& page, const std::string& text) {
        return LinkProblems(page, text, pages).size();
    };
    EXPECT_EQ(problems("resources/key.md",
                       "[g](../guides/guide) [m](../guides/guide#migrating-from-the-official-provider)"
                       " [i](#import) [w](https://example.com/x.md)"),
              0U);
    EXPECT_EQ(
        problems("index.md", "[k](docs/resources/key) [g](docs/guides/guide#migrating-from-the-official-provider)"),
        0U);
    EXPECT_EQ(problems("resources/key.md", "[g](../guides/guide.md)"), 1U);
    EXPECT_EQ(problems("resources/key.md", "[g](../guides/guide.md#migrating-from-the-official-provider)"), 1U);
    EXPECT_EQ(problems("resources/key.md", "[examples](../../examples)"), 1U);
    EXPECT_EQ(problems("resources/key.md", "[readme](../../../README.md)"), 1U);
    EXPECT_EQ(problems("index.md", "[k](resources/key)"), 1U) << "resolves to <version>/resources/key, not a page";
    EXPECT_EQ(problems("resources/key.md", "[g](../guides/guide#no-such-section)"), 1U);
    EXPECT_EQ(problems("resources/key.md", "`[g](../guides/guide.md)` and\n```\n[g](../guides/guide.md)\n```\n"), 0U)
        << "code is not a link";
}

// --- Examples ---

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
// the environment (here: the emulator, seeded with the ids the example uses) and apply it. Every
// page with a schema, of every kind, has an example.
TEST(Docs, ExamplesOnThePagesApplyWhenPasted) {
    for (const auto& page : SchemaPages()) {
        SCOPED_TRACE(page.path);
        const auto example = ExampleUsage(DocsPage(page.path));
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
        const auto listed = workspace.Run({"state", "list"});
        EXPECT_FALSE(listed.out.empty()) << "the example made and read nothing";
        if (page.path.rfind("resources/", 0) == 0) {
            EXPECT_FALSE(emulator.State()["apiKeys"].empty()) << "a resource page's example made no key";
        }
        const auto planned = workspace.Run({"plan", "-detailed-exitcode", "-no-color"});
        EXPECT_EQ(planned.exit_code, 0) << planned.out << planned.err;
        const auto destroyed = workspace.Run({"destroy", "-auto-approve", "-no-color"});
        EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
        EXPECT_TRUE(emulator.State()["apiKeys"].empty());
    }
}

}  // namespace
}  // namespace acceptance

// schema-docs: writes (or, with --check, verifies) the generated "## Schema" sections of the docs
// (docs/index.md for the provider, docs/<kind>/<name>.md for the rest), from
// `terraform providers schema -json`, in tfplugindocs' layout.
//
//   schema-docs --schema schema.json --provider registry.terraform.io/yc-apikeys/yandex
//               --docs docs [--check]
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tools/schema_docs/schema_markdown.hpp"

namespace {

std::string Read(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::stringstream content;
    content << file.rdbuf();
    return content.str();
}

// Brings one page up to date; returns false when it is missing its markers or, with `check`,
// out of date.
bool UpdatePage(const std::filesystem::path& page_path, const nlohmann::json& block, bool check) {
    const auto page = Read(page_path);
    const auto updated = schema_docs::ReplaceGeneratedSection(page, schema_docs::RenderSchema(block));
    if (!updated) {
        std::cerr << page_path.string() << ": no generated-section markers\n";
        return false;
    }
    if (*updated == page)
        return true;
    if (check) {
        std::cerr << page_path.string() << ": out of date with the schema; run scripts/docs\n";
        return false;
    }
    std::ofstream(page_path) << *updated;
    std::cout << "updated " << page_path.string() << "\n";
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::string schema_path;
    std::string provider;
    std::filesystem::path docs;
    bool check = false;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--check") {
            check = true;
        } else if (i + 1 < argc && flag == "--schema") {
            schema_path = argv[++i];
        } else if (i + 1 < argc && flag == "--provider") {
            provider = argv[++i];
        } else if (i + 1 < argc && flag == "--docs") {
            docs = argv[++i];
        } else {
            std::cerr << "usage: schema-docs --schema FILE --provider ADDRESS --docs DIR [--check]\n";
            return 2;
        }
    }
    const auto schema = nlohmann::json::parse(Read(schema_path), nullptr, false);
    if (!schema.is_object() || !schema["provider_schemas"].contains(provider)) {
        std::cerr << schema_path << ": no schema for " << provider << "\n";
        return 2;
    }
    const auto& provider_schema = schema["provider_schemas"][provider];
    try {
        bool ok = true;
        for (const auto& page : schema_docs::SchemaPages(provider_schema)) {
            ok = UpdatePage(docs / page.path, page.block, check) && ok;
        }
        return ok ? 0 : 1;
    } catch (const std::exception& error) {
        std::cerr << "schema-docs: " << error.what() << "\n";
        return 1;
    }
}

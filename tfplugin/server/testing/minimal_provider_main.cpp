// A provider with one trivial resource and nothing else, so the server's handshake and
// lifecycle can be tested without anything of Yandex Cloud.
#include "tfplugin/framework/attributes.hpp"
#include "tfplugin/framework/provider.hpp"
#include "tfplugin/server/serve.hpp"

namespace {

using namespace tfplugin;

class ThingResource final : public framework::Resource {
public:
    ThingResource() { definition_.schema.block.attributes = {framework::Optional("name", Type::String(), "A name.")}; }
    [[nodiscard]] std::string TypeName() const override { return "minimal_thing"; }
    [[nodiscard]] const framework::Definition& GetDefinition() const override { return definition_; }

private:
    framework::Definition definition_;
};

class MinimalProvider final : public framework::Provider {
public:
    MinimalProvider() : Provider({}) { AddResource(std::make_unique<ThingResource>()); }

protected:
    void Configure(const CallContext& /*ctx*/,
                   const ConfigureProviderRequest& /*request*/,
                   Diagnostics& /*diagnostics*/) override {}
};

}  // namespace

int main(int argc, char** argv) {
    server::ServeOptions options;
    options.provider_address = "registry.terraform.io/example/minimal";
    options.make_provider = [] { return std::make_unique<MinimalProvider>(); };
    const bool debug = argc > 1 && std::string(argv[1]) == "--debug";
    return server::Serve(options, debug);
}

// terraform-provider-nothing: the floor of the scale benchmark. Built from tfplugin/ alone, it
// serves one resource whose calls do no work beyond naming the object, so what Terraform spends
// on it is what any out-of-process provider costs in Terraform core: start-up, the handshake,
// schema, plan and apply round trips, and state handling.
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <random>
#include <string>

#include "tfplugin/framework/attributes.hpp"
#include "tfplugin/framework/provider.hpp"
#include "tfplugin/server/serve.hpp"

namespace {

using namespace tfplugin;

// Ids unique across the provider processes of one run: a random prefix per process (Terraform
// starts several during one apply) and a counter within it.
std::string NextId() {
    static const std::string prefix = [] {
        std::random_device device;
        std::uniform_int_distribution<std::uint32_t> digits;
        char text[16];
        std::snprintf(text, sizeof text, "%08x", digits(device));
        return std::string(text);
    }();
    static std::atomic<std::uint64_t> counter{0};
    return "nothing-" + prefix + "-" + std::to_string(++counter);
}

class ThingResource final : public framework::Resource {
public:
    ThingResource() {
        definition_.schema.block.description = "Lives only in Terraform's state; every call does nothing.";
        definition_.schema.block.attributes = {
            framework::Computed("id", Type::String(), "Made up on create."),
            framework::Optional("input", Type::String(), "Any text; changing it is an in-place update."),
        };
        // An update keeps the id, as a real resource's would, so a changed input plans as one update.
        definition_.rules["id"].use_state_for_unknown = true;
    }
    [[nodiscard]] std::string TypeName() const override { return "nothing_thing"; }
    [[nodiscard]] const framework::Definition& GetDefinition() const override { return definition_; }

    void Create(const CallContext& /*ctx*/,
                const framework::CreateRequest& request,
                framework::CreateResponse& response) override {
        response.new_state = request.planned_state.WithAttribute("id", Value::String(NextId()));
    }
    // The response starts as the current state: the object is still there, unchanged.
    void Read(const CallContext& /*ctx*/,
              const framework::ReadRequest& /*request*/,
              framework::ReadResponse& /*response*/) override {}
    void Update(const CallContext& /*ctx*/,
                const framework::UpdateRequest& request,
                framework::UpdateResponse& response) override {
        response.new_state = request.planned_state;
    }
    void Delete(const CallContext& /*ctx*/,
                const framework::DeleteRequest& /*request*/,
                framework::DeleteResponse& /*response*/) override {}

private:
    framework::Definition definition_;
};

class NothingProvider final : public framework::Provider {
public:
    NothingProvider() : Provider({}) { AddResource(std::make_unique<ThingResource>()); }

protected:
    void Configure(const CallContext& /*ctx*/,
                   const ConfigureProviderRequest& /*request*/,
                   Diagnostics& /*diagnostics*/) override {}
};

}  // namespace

int main(int argc, char** argv) {
    bool debug = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--debug") == 0) {
            debug = true;
            continue;
        }
        std::cerr << "usage: terraform-provider-nothing [--debug]\n";
        return 2;
    }
    tfplugin::server::ServeOptions options;
    options.provider_address = "registry.terraform.io/bench/nothing";
    options.make_provider = [] { return std::make_unique<NothingProvider>(); };
    return tfplugin::server::Serve(options, debug);
}

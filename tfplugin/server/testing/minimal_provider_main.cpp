// A provider with one trivial object of each kind (resource, data source, ephemeral resource),
// so the server's handshake and lifecycle can be tested without anything of Yandex Cloud.
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "tfplugin/framework/attributes.hpp"
#include "tfplugin/framework/provider.hpp"
#include "tfplugin/framework/validators.hpp"
#include "tfplugin/server/serve.hpp"

namespace {

using namespace tfplugin;

class ThingResource final : public framework::Resource {
public:
    ThingResource() { definition_.schema.block.attributes = {framework::Optional("name", Type::String(), "A name.")}; }
    [[nodiscard]] std::string TypeName() const override { return "minimal_thing"; }
    [[nodiscard]] const framework::Definition& GetDefinition() const override { return definition_; }

    // Nothing to manage: the object lives only in Terraform's state.
    void Create(const CallContext& /*ctx*/,
                const framework::CreateRequest& request,
                framework::CreateResponse& response) override {
        response.new_state = request.planned_state;
    }
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

// Reads nothing but its own configuration: greeting = "hello, " + name. A name of "fail" makes
// the read fail, "unknown" leaves the greeting unknown (a provider bug the framework must catch).
class EchoDataSource final : public framework::DataSource {
public:
    EchoDataSource() {
        definition_.schema.block.attributes = {framework::Required("name", Type::String(), "Who to greet."),
                                               framework::Computed("greeting", Type::String(), "The greeting.")};
        definition_.rules["name"].validators = {framework::StringNotEmpty()};
    }
    [[nodiscard]] std::string TypeName() const override { return "minimal_echo"; }
    [[nodiscard]] const framework::Definition& GetDefinition() const override { return definition_; }

    void Read(const CallContext& /*ctx*/,
              const framework::DataSourceReadRequest& request,
              framework::DataSourceReadResponse& response) override {
        const auto& name_value = request.config.Attribute("name");
        if (!name_value.IsKnown())
            return;
        const auto& name = name_value.AsString();
        if (name == "fail") {
            response.diagnostics.AddError("Echo failed", "Asked to fail.");
            return;
        }
        const auto greeting = name == "unknown" ? Value::Unknown(Type::String()) : Value::String("hello, " + name);
        response.state = response.state.WithAttribute("greeting", greeting);
    }

private:
    framework::Definition definition_;
};

// Hands out "token-for-<name>". With `marker_dir` set, it writes opened-<name> there when it
// opens and closed-<name> when Terraform closes it, which it learns from its private data alone,
// so a test can see both calls happen.
class TokenEphemeralResource final : public framework::EphemeralResource {
public:
    TokenEphemeralResource() {
        definition_.schema.block.attributes = {
            framework::Required("name", Type::String(), "Whose token."),
            framework::Optional("marker_dir", Type::String(), "Where to note the open and the close."),
            framework::Computed("token", Type::String(), "The token.")};
    }
    [[nodiscard]] std::string TypeName() const override { return "minimal_token"; }
    [[nodiscard]] const framework::Definition& GetDefinition() const override { return definition_; }

    void Open(const CallContext& /*ctx*/,
              const framework::OpenRequest& request,
              framework::OpenResponse& response) override {
        const auto& name = request.config.Attribute("name").AsString();
        const auto& marker_dir = request.config.Attribute("marker_dir");
        response.result = response.result.WithAttribute("token", Value::String("token-for-" + name));
        response.private_state.Set("name", name);
        if (marker_dir.IsKnown()) {
            response.private_state.Set("marker_dir", marker_dir.AsString());
            std::ofstream(std::filesystem::path(marker_dir.AsString()) / ("opened-" + name)) << name;
        }
    }

    void Close(const CallContext& /*ctx*/,
               const framework::CloseRequest& request,
               framework::CloseResponse& /*response*/) override {
        const auto marker_dir = request.private_state.Get("marker_dir");
        const auto name = request.private_state.Get("name");
        if (marker_dir && name)
            std::ofstream(std::filesystem::path(*marker_dir) / ("closed-" + *name)) << *name;
    }

private:
    framework::Definition definition_;
};

class MinimalProvider final : public framework::Provider {
public:
    MinimalProvider() : Provider({}) {
        AddResource(std::make_unique<ThingResource>());
        AddDataSource(std::make_unique<EchoDataSource>());
        AddEphemeralResource(std::make_unique<TokenEphemeralResource>());
    }

protected:
    // Stands in for long work: told so by the Terraform version, it waits until StopProvider.
    void Configure(const CallContext& ctx, const ConfigureProviderRequest& request, Diagnostics& diagnostics) override {
        if (request.terraform_version != "wait-for-stop")
            return;
        std::mutex mutex;
        std::condition_variable_any never;
        std::unique_lock lock(mutex);
        never.wait_for(lock, ctx.stop, std::chrono::seconds(10), [] { return false; });
        if (ctx.stop.stop_requested())
            diagnostics.AddError("Stopped", "StopProvider interrupted the call.");
    }
};

}  // namespace

int main(int argc, char** argv) {
    server::ServeOptions options;
    options.provider_address = "registry.terraform.io/example/minimal";
    options.make_provider = [] { return std::make_unique<MinimalProvider>(); };
    const bool debug = argc > 1 && std::string(argv[1]) == "--debug";
    return server::Serve(options, debug);
}

// A provider with one trivial resource and one trivial data source and nothing else, so the server's handshake and
// lifecycle can be tested without anything of Yandex Cloud.
#include <chrono>
#include <condition_variable>
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

class MinimalProvider final : public framework::Provider {
public:
    MinimalProvider() : Provider({}) {
        AddResource(std::make_unique<ThingResource>());
        AddDataSource(std::make_unique<EchoDataSource>());
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

// terraform-provider-yandex: Terraform starts this binary and talks to it over gRPC.
#include <cstring>
#include <iostream>

#include "provider_version.hpp"
#include "resources/provider/yandex_provider.hpp"
#include "tfplugin/server/serve.hpp"

int main(int argc, char** argv) {
    bool debug = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-version") == 0) {
            std::cout << provider::kProductName << ' ' << provider::kVersion << '\n';
            return 0;
        }
        if (std::strcmp(argv[i], "--debug") == 0 || std::strcmp(argv[i], "-debug") == 0) {
            debug = true;
            continue;
        }
        std::cerr << "usage: " << provider::kProductName << " [--debug | --version]\n";
        return 2;
    }
    tfplugin::server::ServeOptions options;
    options.provider_address = provider::kProviderAddress;
    options.make_provider = [] { return std::make_unique<provider::YandexProvider>(); };
    return tfplugin::server::Serve(options, debug);
}

#include "acceptance-tests/emulator/scopes.hpp"

namespace emulator {

const std::vector<std::string>& KnownScopes() {
    static const std::vector<std::string> scopes = {
        "yc.ai.foundationModels.execute",
        "yc.ai.imageGeneration.execute",
        "yc.ai.languageModels.execute",
        "yc.ai.speechkitStt.execute",
        "yc.ai.speechkitTts.execute",
        "yc.ai.translate.execute",
        "yc.ai.vision.execute",
        "yc.monitoring.manage",
        "yc.monitoring.read",
        "yc.postbox.send",
        "yc.search-api.execute",
        "yc.serverless.containers.invoke",
        "yc.serverless.functions.invoke",
        "yc.ydb.tables.manage",
        "yc.ydb.topics.manage",
    };
    return scopes;
}

const std::vector<std::string>& DefaultScopes() {
    static const std::vector<std::string> scopes = {
        "yc.ai.imageGeneration.execute",
        "yc.ai.languageModels.execute",
        "yc.ai.speechkitStt.execute",
        "yc.ai.speechkitTts.execute",
        "yc.ai.translate.execute",
        "yc.ai.vision.execute",
        "yc.monitoring.manage",
        "yc.search-api.execute",
        "yc.serverless.containers.invoke",
        "yc.serverless.functions.invoke",
    };
    return scopes;
}

}  // namespace emulator

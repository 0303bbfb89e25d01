#pragma once

#include <spdlog/formatter.h>
#include <spdlog/logger.h>

#include <memory>
#include <string>

namespace tfplugin::server {

/// Formats spdlog records as the JSON lines hclog writes ({"@level", "@message", "@module",
/// "@timestamp"}), which go-plugin parses from a plugin's stderr so that `TF_LOG=debug` shows
/// our lines at their own level. Messages are forced to valid UTF-8.
class HclogJsonFormatter final : public spdlog::formatter {
public:
    explicit HclogJsonFormatter(std::string module) : module_(std::move(module)) {}
    void format(const spdlog::details::log_msg& message, spdlog::memory_buf_t& destination) override;
    [[nodiscard]] std::unique_ptr<spdlog::formatter> clone() const override;

private:
    std::string module_;
};

/// Installs a stderr logger with the hclog formatter as spdlog's default logger, at the level
/// named by TF_LOG_PROVIDER or else TF_LOG (TRACE, DEBUG, INFO, WARN, ERROR, OFF; JSON = TRACE).
void InstallHclogLogger(const std::string& module);

/// Maps a TF_LOG-style level name to spdlog's level; unknown names give warn.
spdlog::level::level_enum LevelFromName(std::string name);

}  // namespace tfplugin::server

#include "tfplugin/server/hclog_format.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

namespace tfplugin::server {

namespace {

const char* HclogLevel(spdlog::level::level_enum level) {
    switch (level) {
        case spdlog::level::trace:
            return "trace";
        case spdlog::level::debug:
            return "debug";
        case spdlog::level::info:
            return "info";
        case spdlog::level::warn:
            return "warn";
        default:
            return "error";
    }
}

// hclog's timestamp layout: 2006-01-02T15:04:05.000000Z07:00, always UTC here.
std::string Timestamp(spdlog::log_clock::time_point time) {
    const auto since_epoch = time.time_since_epoch();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(since_epoch - seconds).count();
    const std::time_t t = seconds.count();
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[40];
    const auto length = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
    char fraction[16];
    std::snprintf(fraction, sizeof fraction, ".%06lldZ", static_cast<long long>(micros));
    return std::string(buffer, length) + fraction;
}

}  // namespace

void HclogJsonFormatter::format(const spdlog::details::log_msg& message, spdlog::memory_buf_t& destination) {
    nlohmann::json line = {
        {"@level", HclogLevel(message.level)},
        {"@message", std::string(message.payload.data(), message.payload.size())},
        {"@module", module_},
        {"@timestamp", Timestamp(message.time)},
    };
    const auto text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    destination.append(text.data(), text.data() + text.size());
}

std::unique_ptr<spdlog::formatter> HclogJsonFormatter::clone() const {
    return std::make_unique<HclogJsonFormatter>(module_);
}

spdlog::level::level_enum LevelFromName(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    if (name == "TRACE" || name == "JSON")
        return spdlog::level::trace;
    if (name == "DEBUG")
        return spdlog::level::debug;
    if (name == "INFO")
        return spdlog::level::info;
    if (name == "ERROR")
        return spdlog::level::err;
    if (name == "OFF")
        return spdlog::level::off;
    return spdlog::level::warn;
}

void InstallHclogLogger(const std::string& module) {
    auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    sink->set_formatter(std::make_unique<HclogJsonFormatter>(module));
    auto logger = std::make_shared<spdlog::logger>(module, sink);
    const char* level = std::getenv("TF_LOG_PROVIDER");
    if (level == nullptr || *level == '\0')
        level = std::getenv("TF_LOG");
    logger->set_level(LevelFromName(level == nullptr ? "" : level));
    logger->flush_on(spdlog::level::trace);
    spdlog::set_default_logger(logger);
}

}  // namespace tfplugin::server

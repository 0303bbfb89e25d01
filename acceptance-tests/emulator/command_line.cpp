#include "acceptance-tests/emulator/command_line.hpp"

#include <charconv>
#include <stdexcept>

namespace emulator {

namespace {

// A whole decimal number between `low` and `high`, all of `text`; otherwise throws saying what
// `flag` expects.
int WholeNumber(const std::string& flag, const std::string& text, int low, int high, const std::string& expected) {
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end || value < low || value > high) {
        throw std::invalid_argument(flag + " takes " + expected + ", not \"" + text + "\"");
    }
    return value;
}

TimestampPrecision Precision(const std::string& text) {
    if (text == "nanos")
        return TimestampPrecision::kNanos;
    if (text == "seconds")
        return TimestampPrecision::kSeconds;
    throw std::invalid_argument("--timestamp-precision takes \"seconds\" or \"nanos\", not \"" + text + "\"");
}

}  // namespace

std::string Usage() {
    return "usage: yc-emulator [--port N] [--seed FILE] [--state-file FILE] [--operation-delay-ms N] "
           "[--timestamp-precision seconds|nanos] [--tls --tls-cert-out FILE] [--record-secrets FILE]";
}

CommandLine ParseCommandLine(const std::vector<std::string>& arguments) {
    CommandLine command_line;
    auto& options = command_line.options;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const auto& flag = arguments[i];
        if (flag == "--help" || flag == "-h") {
            command_line.help = true;
            continue;
        }
        if (flag == "--tls") {
            options.tls = true;
            continue;
        }
        if (flag != "--port" && flag != "--seed" && flag != "--state-file" && flag != "--operation-delay-ms" &&
            flag != "--timestamp-precision" && flag != "--tls-cert-out" && flag != "--record-secrets") {
            throw std::invalid_argument("unknown argument \"" + flag + "\"; " + Usage());
        }
        if (i + 1 == arguments.size())
            throw std::invalid_argument(flag + " needs a value");
        const auto& value = arguments[++i];
        if (flag == "--port") {
            command_line.port = WholeNumber(flag, value, 0, 65535, "a port number from 0 to 65535");
        } else if (flag == "--seed") {
            options.seed_file = value;
        } else if (flag == "--state-file") {
            options.state_file = value;
        } else if (flag == "--operation-delay-ms") {
            options.operation_delay_ms = WholeNumber(flag, value, 0, 86'400'000, "milliseconds from 0 to 86400000");
        } else if (flag == "--timestamp-precision") {
            options.timestamp_precision = Precision(value);
        } else if (flag == "--record-secrets") {
            options.record_secrets_file = value;
        } else {
            options.tls_cert_out = value;
        }
    }
    return command_line;
}

}  // namespace emulator

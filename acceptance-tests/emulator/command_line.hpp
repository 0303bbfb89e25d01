#pragma once

#include <string>
#include <vector>

#include "acceptance-tests/emulator/emulator.hpp"

// yc-emulator's command line.
namespace emulator {

struct CommandLine {
    Options options;
    int port = 0;  ///< 0: any free port
    bool help = false;
};

/// The one-line usage summary.
std::string Usage();

/// Reads the arguments after the program name; throws std::invalid_argument with a one-line
/// message naming the argument that is wrong.
CommandLine ParseCommandLine(const std::vector<std::string>& arguments);

}  // namespace emulator

#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "client/secret_string.hpp"

namespace ycloud::http {

// Bodies may carry secrets (a Lockbox payload, a new key's secret, a token): their buffers are
// wiped whenever they are released.
struct Request {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    WipedString body;
};

struct Response {
    int status = 0;
    std::map<std::string, std::string> headers;  ///< names in lowercase
    WipedString body;
};

}  // namespace ycloud::http

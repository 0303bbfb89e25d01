#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ycloud::http {

struct Request {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct Response {
    int status = 0;
    std::map<std::string, std::string> headers;  ///< names in lowercase
    std::string body;
};

}  // namespace ycloud::http

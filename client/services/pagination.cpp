#include "client/services/pagination.hpp"

#include <cctype>
#include <cstdio>

#include "client/services/json_fields.hpp"

namespace ycloud {

namespace {

// A server that keeps returning page tokens must not keep us busy forever.
constexpr int kMaxPages = 1000;
constexpr int kPageSize = 1000;

}  // namespace

std::string QueryEscape(const std::string& value) {
    std::string escaped;
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            escaped.push_back(static_cast<char>(c));
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            escaped += hex;
        }
    }
    return escaped;
}

Result<std::vector<nlohmann::json>> ListAllPages(RestClient& rest,
                                                 const std::string& url,
                                                 const std::string& field,
                                                 const Context& context) {
    std::vector<nlohmann::json> items;
    std::string page_token;
    for (int page = 0; page < kMaxPages; ++page) {
        auto page_url = url + "&pageSize=" + std::to_string(kPageSize);
        if (!page_token.empty())
            page_url += "&pageToken=" + QueryEscape(page_token);
        auto answer = rest.Call(RestCall::Get(page_url), context);
        if (!answer)
            return answer.GetError();
        for (const auto& item : ArrayField(answer.Value(), field.c_str())) {
            items.push_back(item);
        }
        page_token = TextField(answer.Value(), "nextPageToken");
        if (page_token.empty())
            return items;
    }
    return Error::Of(GrpcCode::kInternal,
                     "listing " + field + " did not end after " + std::to_string(kMaxPages) + " pages");
}

}  // namespace ycloud

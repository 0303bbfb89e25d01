#include "resources/iam_service_account_api_key/scope_catalog.hpp"

#include <algorithm>
#include <numeric>

namespace provider {

namespace {

// Levenshtein distance with one row of memory.
std::size_t EditDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

ycloud::Result<std::vector<std::string>> ScopeCatalog::Scopes(ycloud::Client& client, const ycloud::Context& context) {
    std::lock_guard lock(mutex_);
    if (!scopes_) {
        auto listed = client.ApiKeys().ListScopes(context);
        if (!listed)
            return listed.GetError();
        scopes_ = std::move(listed).Value();
    }
    return *scopes_;
}

std::string ClosestScope(const std::vector<std::string>& known, const std::string& wanted) {
    std::string closest;
    std::size_t best = 0;
    for (const auto& scope : known) {
        const auto distance = EditDistance(scope, wanted);
        if (closest.empty() || distance < best) {
            closest = scope;
            best = distance;
        }
    }
    return closest;
}

}  // namespace provider

#include "tfplugin/types/value_hash.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace tfplugin {

namespace {

// boost::hash_combine's mixing step: cheap, and order-sensitive as lists need.
std::size_t Combine(std::size_t seed, std::size_t hash) {
    return seed ^ (hash + 0x9e3779b97f4a7c15ULL + (seed << 6U) + (seed >> 2U));
}

std::size_t HashText(const std::string& text) {
    return std::hash<std::string>{}(text);
}

}  // namespace

std::size_t HashValue(const Value& value) {
    // Equal values have equal types, so the kind is a safe ingredient; the full type is not needed.
    std::size_t seed =
        Combine(static_cast<std::size_t>(value.GetType().Kind()), static_cast<std::size_t>(value.State()));
    if (!value.IsKnown()) {
        return seed;
    }
    switch (value.GetType().Kind()) {
        case TypeKind::kString:
            return Combine(seed, HashText(value.AsString()));
        case TypeKind::kNumber:
            // Numbers compare member by member, so equal numbers print the same text.
            return Combine(seed, HashText(value.AsNumber().ToString()));
        case TypeKind::kBool:
            return Combine(seed, value.AsBool() ? 1 : 0);
        case TypeKind::kSet: {
            // A set has no order, and a duplicate sent on the wire adds nothing: combine the
            // distinct element hashes in sorted order.
            std::vector<std::size_t> hashes;
            hashes.reserve(value.Elements().size());
            for (const auto& element : value.Elements()) {
                hashes.push_back(HashValue(element));
            }
            std::sort(hashes.begin(), hashes.end());
            hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
            for (const auto hash : hashes) {
                seed = Combine(seed, hash);
            }
            return seed;
        }
        case TypeKind::kList:
        case TypeKind::kTuple:
            for (const auto& element : value.Elements()) {
                seed = Combine(seed, HashValue(element));
            }
            return seed;
        case TypeKind::kMap:
        case TypeKind::kObject:
            for (const auto& [key, element] : value.Attributes()) {
                seed = Combine(Combine(seed, HashText(key)), HashValue(element));
            }
            return seed;
        case TypeKind::kDynamic:
            break;
    }
    return seed;
}

}  // namespace tfplugin

#include "tfplugin/framework/private_state.hpp"

#include <nlohmann/json.hpp>

namespace tfplugin::framework {

PrivateState PrivateState::Parse(std::string_view bytes) {
    PrivateState state;
    if (bytes.empty())
        return state;
    const auto document = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
    if (!document.is_object())
        return state;
    for (const auto& [key, value] : document.items()) {
        if (value.is_string() && !value.get_ref<const std::string&>().empty())
            state.entries_.emplace(key, value.get<std::string>());
    }
    return state;
}

std::string PrivateState::Serialize() const {
    if (entries_.empty())
        return "";
    nlohmann::json document = nlohmann::json::object();
    for (const auto& [key, value] : entries_)
        document[key] = value;
    return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::string> PrivateState::Get(std::string_view key) const {
    const auto found = entries_.find(key);
    if (found == entries_.end())
        return std::nullopt;
    return found->second;
}

void PrivateState::Set(std::string_view key, std::string value) {
    if (value.empty()) {
        if (const auto found = entries_.find(key); found != entries_.end())
            entries_.erase(found);
        return;
    }
    entries_.insert_or_assign(std::string(key), std::move(value));
}

}  // namespace tfplugin::framework

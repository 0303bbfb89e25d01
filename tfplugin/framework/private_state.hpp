#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tfplugin::framework {

/// Data a resource keeps beside its state without showing it in the schema, such as cleanup that
/// a failed apply left to do. Terraform stores these bytes as they are and hands them back on the
/// next read, plan and apply; the framework keeps them as one JSON object of named entries, so
/// that independent concerns never overwrite each other's data.
class PrivateState {
public:
    /// Bytes that do not parse as a JSON object read as empty; of another provider's object (the
    /// official provider keeps its timeouts and schema version here) only string entries are
    /// kept, which none of ours shares a name with.
    static PrivateState Parse(std::string_view bytes);
    /// "" when there is no entry, so Terraform stores nothing.
    [[nodiscard]] std::string Serialize() const;

    [[nodiscard]] std::optional<std::string> Get(std::string_view key) const;
    /// An empty value removes the entry.
    void Set(std::string_view key, std::string value);
    [[nodiscard]] bool Empty() const { return entries_.empty(); }

    friend bool operator==(const PrivateState&, const PrivateState&) = default;

private:
    std::map<std::string, std::string, std::less<>> entries_;
};

}  // namespace tfplugin::framework

#pragma once

#include <optional>
#include <string>

namespace tfplugin::server {

/// A private directory (mode 0700, or 0770 with a group) holding the plugin's Unix socket.
/// Terraform never removes the socket, so the directory is removed when this object goes away.
class SocketDirectory {
public:
    /// Creates the directory under `base` (PLUGIN_UNIX_SOCKET_DIR, else TMPDIR, else /tmp).
    /// Returns nothing when it cannot, or when the socket path would be too long for a Unix
    /// socket address; the caller then falls back to TCP on loopback.
    static std::optional<SocketDirectory> Create(const std::optional<std::string>& base,
                                                 const std::optional<std::string>& group);

    SocketDirectory(SocketDirectory&& other) noexcept;
    SocketDirectory& operator=(SocketDirectory&&) = delete;
    SocketDirectory(const SocketDirectory&) = delete;
    SocketDirectory& operator=(const SocketDirectory&) = delete;
    ~SocketDirectory();

    [[nodiscard]] const std::string& SocketPath() const { return socket_path_; }
    /// Applies the group (PLUGIN_UNIX_SOCKET_GROUP) to the socket once it exists.
    void ShareSocketWithGroup() const;

private:
    SocketDirectory(std::string directory, std::string socket_path, std::optional<unsigned> group_id);

    std::string directory_;
    std::string socket_path_;
    std::optional<unsigned> group_id_;
};

}  // namespace tfplugin::server

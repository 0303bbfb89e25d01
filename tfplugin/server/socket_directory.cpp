#include "tfplugin/server/socket_directory.hpp"

#include <grp.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

namespace tfplugin::server {

namespace {

// PLUGIN_UNIX_SOCKET_GROUP names a group or gives its numeric id.
std::optional<unsigned> ResolveGroup(const std::optional<std::string>& name) {
    if (!name || name->empty())
        return std::nullopt;
    if (const struct group* entry = getgrnam(name->c_str())) {
        return entry->gr_gid;
    }
    char* end = nullptr;
    const unsigned long id = std::strtoul(name->c_str(), &end, 10);
    if (end != nullptr && *end == '\0')
        return static_cast<unsigned>(id);
    return std::nullopt;
}

}  // namespace

std::optional<SocketDirectory> SocketDirectory::Create(const std::optional<std::string>& base,
                                                       const std::optional<std::string>& group) {
    std::string parent = base.value_or("");
    if (parent.empty()) {
        const char* tmp = std::getenv("TMPDIR");
        parent = (tmp != nullptr && *tmp != '\0') ? tmp : "/tmp";
    }
    std::string pattern = parent + "/tfplugin-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (mkdtemp(buffer.data()) == nullptr) {
        return std::nullopt;
    }
    std::string directory(buffer.data());
    std::string socket_path = directory + "/plugin.sock";
    if (socket_path.size() >= sizeof(sockaddr_un{}.sun_path)) {
        rmdir(directory.c_str());
        return std::nullopt;
    }
    const auto group_id = ResolveGroup(group);
    if (group_id) {
        if (chown(directory.c_str(), static_cast<uid_t>(-1), *group_id) == 0) {
            chmod(directory.c_str(), 0770);
        }
    }
    return SocketDirectory(std::move(directory), std::move(socket_path), group_id);
}

SocketDirectory::SocketDirectory(std::string directory, std::string socket_path, std::optional<unsigned> group_id)
    : directory_(std::move(directory)), socket_path_(std::move(socket_path)), group_id_(group_id) {}

SocketDirectory::SocketDirectory(SocketDirectory&& other) noexcept
    : directory_(std::move(other.directory_)), socket_path_(std::move(other.socket_path_)), group_id_(other.group_id_) {
    other.directory_.clear();
    other.socket_path_.clear();
}

SocketDirectory::~SocketDirectory() {
    if (directory_.empty())
        return;
    unlink(socket_path_.c_str());
    rmdir(directory_.c_str());
}

void SocketDirectory::ShareSocketWithGroup() const {
    if (!group_id_)
        return;
    if (chown(socket_path_.c_str(), static_cast<uid_t>(-1), *group_id_) == 0) {
        chmod(socket_path_.c_str(), 0660);
    }
}

}  // namespace tfplugin::server

#include "client/wipe.hpp"

#include <openssl/crypto.h>

#include <nlohmann/json.hpp>
#include <vector>

namespace ycloud {

void Wipe(std::string& text) {
    // OPENSSL_cleanse, unlike a plain memset, is not removed by the optimiser as a dead store.
    OPENSSL_cleanse(text.data(), text.size());
}

void WipeStrings(nlohmann::json& json) {
    // A stack rather than recursion: the depth of a server's answer is not ours to choose.
    std::vector<nlohmann::json*> pending{&json};
    while (!pending.empty()) {
        auto* value = pending.back();
        pending.pop_back();
        if (value->is_string()) {
            Wipe(value->get_ref<std::string&>());
        } else if (value->is_structured()) {
            for (auto& element : *value)
                pending.push_back(&element);
        }
    }
}

}  // namespace ycloud

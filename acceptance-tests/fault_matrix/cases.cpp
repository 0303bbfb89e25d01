// The cases, generated from the tables: the full product of paths, calls and faults, or a
// covering subset of it for CI.
#include <algorithm>
#include <cctype>
#include <set>

#include "acceptance-tests/fault_matrix/matrix.hpp"
#include "acceptance-tests/support/emulator_process.hpp"

namespace fault_matrix {

namespace {

bool Applies(const FaultKind& fault, const Call& call) {
    return !fault.mutating_only || call.Mutating();
}

// The cases the issue found bugs with: kept in the subset whatever the rotation picks, so CI
// stays red while one of them remains.
struct Pinned {
    const char* path;
    const char* method;
    const char* call_path;
    int occurrence;
    const char* fault;
};
const Pinned kPinned[] = {
    // 429 on the read after the new version was written: the next plan replaced the key.
    {"lockbox_added", "GET", "/iam/v1/apiKeys/*", 2, "429_always"},
    // addVersion took effect but its operation could not be checked.
    {"lockbox_added", "GET", "/operations/*", 1, "429_always"},
    // addVersion took effect but its answer (and so its operation) was lost.
    {"lockbox_added", "POST", "/lockbox/v1/secrets/e6qacceptancesecret1:addVersion", 1, "drop_after"},
    // The old version's payload cannot be read (every try): the error must say it was reading Lockbox.
    {"lockbox_removed", "GET", "/lockbox/v1/secrets/e6qacceptancesecret1/payload", 1, "429_always"},
    // scheduleVersionDestruction failed (every try): the old version stayed ACTIVE.
    {"lockbox_removed", "POST", "/lockbox/v1/secrets/e6qacceptancesecret1:scheduleVersionDestruction", 1, "429_always"},
};

}  // namespace

std::string Call::ToString() const {
    return method + " " + path + "#" + std::to_string(occurrence);
}

std::string Call::Label() const {
    std::string text = path;
    for (const auto& [from, to] :
         {std::pair<std::string, std::string>{acceptance::EmulatorProcess::kLockboxSecret, "secret1"},
          {acceptance::EmulatorProcess::kSecondLockboxSecret, "secret2"},
          {"/iam/v1/", ""},
          {"/lockbox/v1/", ""},
          {"*", "id"}}) {
        for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    }
    std::string label = method + "_";
    for (const char c : text) {
        const bool plain = std::isalnum(static_cast<unsigned char>(c)) != 0;
        if (plain)
            label += c;
        else if (label.back() != '_')
            label += '_';
    }
    if (label.back() == '_')
        label.pop_back();
    return label + "_" + std::to_string(occurrence);
}

std::string Case::Name() const {
    if (fault == nullptr)
        return path->name + "__baseline";
    return path->name + "__" + call.Label() + "__" + fault->name;
}

namespace {

// The calls of a path the matrix faults: a configuring call only where no earlier path made it.
std::vector<Call> CallsToFault(const Path& path, bool every_configure_call) {
    std::vector<Call> calls;
    for (const auto& call : path.calls) {
        bool seen = false;
        for (const auto& earlier : Paths()) {
            if (&earlier == &path)
                break;
            for (const auto& other : earlier.calls)
                seen = seen || (other.configure && other.method == call.method && other.path == call.path &&
                                other.occurrence == call.occurrence);
        }
        if (!call.configure || every_configure_call || !seen)
            calls.push_back(call);
    }
    return calls;
}

std::vector<Case> Product(bool every_configure_call) {
    std::vector<Case> cases;
    for (const auto& path : Paths()) {
        cases.push_back({&path, {}, nullptr});
        for (const auto& call : CallsToFault(path, every_configure_call)) {
            for (const auto& fault : FaultKinds()) {
                if (Applies(fault, call))
                    cases.push_back({&path, call, &fault});
            }
        }
    }
    return cases;
}

}  // namespace

std::vector<Case> FullMatrix() {
    return Product(false);
}

std::vector<Case> FullProduct() {
    return Product(true);
}

std::vector<Case> CoveringSubset() {
    const auto& kinds = FaultKinds();
    std::vector<Case> cases;
    std::set<std::string> names;
    std::set<std::string> kinds_used;
    const auto add = [&](const Case& c) {
        if (names.insert(c.Name()).second) {
            cases.push_back(c);
            if (c.fault != nullptr)
                kinds_used.insert(c.fault->name);
        }
    };
    // Each call of each path once, the fault rotating along the calls and shifted per path, so
    // every fault kind meets many calls and every path many fault kinds.
    std::size_t turn = 0;
    for (std::size_t p = 0; p < Paths().size(); ++p) {
        const auto& path = Paths()[p];
        add({&path, {}, nullptr});
        for (const auto& call : CallsToFault(path, false)) {
            for (std::size_t tried = 0; tried < kinds.size(); ++tried) {
                const auto& fault = kinds[(turn + p + tried) % kinds.size()];
                if (Applies(fault, call)) {
                    add({&path, call, &fault});
                    turn += tried + 1;
                    break;
                }
            }
        }
    }
    for (const auto& pinned : kPinned) {
        for (const auto& path : Paths()) {
            for (const auto& call : path.calls) {
                for (const auto& fault : kinds) {
                    if (path.name == pinned.path && call.method == pinned.method && call.path == pinned.call_path &&
                        call.occurrence == pinned.occurrence && fault.name == pinned.fault)
                        add({&path, call, &fault});
                }
            }
        }
    }
    // Should the rotation have missed a kind, it gets the first call it applies to.
    for (const auto& fault : kinds) {
        for (const auto& path : Paths()) {
            for (const auto& call : path.calls) {
                if (kinds_used.count(fault.name) == 0 && Applies(fault, call))
                    add({&path, call, &fault});
            }
        }
    }
    return cases;
}

}  // namespace fault_matrix

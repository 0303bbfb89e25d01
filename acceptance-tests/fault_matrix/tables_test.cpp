// The generated case sets keep their promises, without running terraform: the covering subset
// reaches every path, every call of every path and every fault kind, and names are unique.
#include <gtest/gtest.h>

#include <set>

#include "acceptance-tests/fault_matrix/matrix.hpp"

namespace fault_matrix {
namespace {

std::string PathCall(const Case& c) {
    return c.path->name + " " + c.call.ToString();
}

TEST(FaultMatrixTables, CoveringSubsetReachesEveryPathCallAndFaultKind) {
    std::set<std::string> paths;
    std::set<std::string> calls;
    std::set<std::string> kinds;
    for (const auto& c : CoveringSubset()) {
        if (c.fault == nullptr) {
            paths.insert(c.path->name);
            continue;
        }
        calls.insert(c.call.configure ? c.call.ToString() : PathCall(c));
        kinds.insert(c.fault->name);
    }
    for (const auto& path : Paths()) {
        EXPECT_TRUE(paths.count(path.name)) << path.name << " has no baseline";
        for (const auto& call : path.calls) {
            const auto name = call.configure ? call.ToString() : path.name + " " + call.ToString();
            EXPECT_TRUE(calls.count(name)) << name << " is never faulted";
        }
    }
    for (const auto& kind : FaultKinds())
        EXPECT_TRUE(kinds.count(kind.name)) << kind.name << " is never used";
}

TEST(FaultMatrixTables, FullMatrixHasEveryFaultOnEveryCallOfItsPath) {
    std::set<std::string> cases;
    for (const auto& c : FullMatrix()) {
        if (c.fault != nullptr)
            cases.insert(PathCall(c) + " " + c.fault->name);
    }
    for (const auto& path : Paths()) {
        for (const auto& call : path.calls) {
            for (const auto& kind : FaultKinds()) {
                if (call.configure || (kind.mutating_only && !call.Mutating()))
                    continue;
                EXPECT_TRUE(cases.count(path.name + " " + call.ToString() + " " + kind.name))
                    << kind.name << " on " << path.name << " " << call.ToString();
            }
        }
    }
}

TEST(FaultMatrixTables, CaseNamesAreUnique) {
    for (const auto& set : {FullProduct(), FullMatrix(), CoveringSubset()}) {
        std::set<std::string> names;
        for (const auto& c : set)
            EXPECT_TRUE(names.insert(c.Name()).second) << c.Name();
    }
}

}  // namespace
}  // namespace fault_matrix

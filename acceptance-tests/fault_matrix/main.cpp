// fault_matrix_test: every case of the fault matrix as a GoogleTest test, generated from the
// tables in paths.cpp and fault_kinds.cpp. FAULT_MATRIX=full registers the full matrix,
// FAULT_MATRIX=product also faults the configuring calls in every path; otherwise the covering
// subset. Cases are independent (each has its own emulator and
// workspace), so runs can be split with GTEST_TOTAL_SHARDS/GTEST_SHARD_INDEX, as
// scripts/fault-matrix does.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "acceptance-tests/fault_matrix/case_runner.hpp"
#include "acceptance-tests/fault_matrix/report.hpp"

namespace fault_matrix {
namespace {

Totals totals;

// The calls a path's table row promises, by `METHOD pattern`, as StepCalls counts them.
std::map<std::string, int> ExpectedCalls(const Path& path) {
    std::map<std::string, int> calls;
    for (const auto& call : path.calls) {
        auto& count = calls[call.method + " " + call.path];
        count = std::max(count, call.occurrence);
    }
    return calls;
}

// The table rows for calls a step made, to paste into paths.cpp when the provider changes.
std::string AsTableRows(const std::map<std::string, int>& calls) {
    std::string rows;
    for (const auto& [call, count] : calls) {
        const auto space = call.find(' ');
        for (int n = 1; n <= count; ++n) {
            rows +=
                "{\"" + call.substr(0, space) + "\", \"" + call.substr(space + 1) + "\", " + std::to_string(n) + "},\n";
        }
    }
    return rows;
}

class FaultCase : public testing::Test {
public:
    explicit FaultCase(Case c) : case_(std::move(c)) {}

    void TestBody() override {
        const auto name = case_.Name();
        CaseResult result;
        try {
            result = RunCase(case_);
        } catch (const std::exception& error) {  // the setup failed, or the emulator did not start
            result.recovery_problem = std::string("the case could not run: ") + error.what();
        }
        totals.Add(result);
        RecordResult(name, result);
        std::cout << ResultLine(name, result);
        const auto what = case_.fault ? case_.fault->name + " on " + case_.call.ToString() : std::string("no fault");
        EXPECT_NE(result.verdict, Verdict::kCrash) << what << ": " << result.error;
        EXPECT_NE(result.verdict, Verdict::kUnclearFailure) << what << ": no error says what failed: " << result.error;
        EXPECT_TRUE(result.fault_hit) << what << ": the step never made this call; paths.cpp is stale";
        EXPECT_TRUE(result.orphans.empty()) << what << ": keys the state does not know";
        EXPECT_TRUE(result.untracked.empty()) << what << ": ACTIVE Lockbox versions the state does not name";
        EXPECT_FALSE(result.unwanted_replacement) << what << ": the plan after the fault replaces the key";
        EXPECT_EQ(result.recovery_problem, "") << what;
        if (case_.fault == nullptr) {
            EXPECT_EQ(result.verdict, Verdict::kSucceeded) << "the path fails without a fault: " << result.error;
            EXPECT_EQ(result.step_calls, ExpectedCalls(*case_.path))
                << "the calls of " << case_.path->name << " changed; its rows in paths.cpp would be:\n"
                << AsTableRows(result.step_calls);
        }
    }

private:
    Case case_;
};

class PrintTotals : public testing::EmptyTestEventListener {
    void OnTestProgramEnd(const testing::UnitTest&) override {
        std::cout << "fault matrix totals: " << totals.ToString() << std::endl;
    }
};

void RegisterCases() {
    const char* set = std::getenv("FAULT_MATRIX");
    const std::string chosen = set == nullptr ? "" : set;
    static const std::vector<Case> cases =
        chosen == "product" ? FullProduct() : (chosen == "full" ? FullMatrix() : CoveringSubset());
    for (const auto& c : cases) {
        testing::RegisterTest(
            "FaultMatrix", c.Name().c_str(), nullptr, nullptr, __FILE__, __LINE__, [c]() -> testing::Test* {
                return new FaultCase(c);
            });
    }
}

}  // namespace
}  // namespace fault_matrix

int main(int argc, char** argv) {
    testing::InitGoogleTest(&argc, argv);
    fault_matrix::RegisterCases();
    testing::UnitTest::GetInstance()->listeners().Append(new fault_matrix::PrintTotals);
    return RUN_ALL_TESTS();
}

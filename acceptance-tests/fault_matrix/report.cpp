#include "acceptance-tests/fault_matrix/report.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

namespace fault_matrix {

namespace {

std::string Join(const std::set<std::string>& items) {
    std::string joined;
    for (const auto& item : items)
        joined += (joined.empty() ? "" : ", ") + item;
    return joined;
}

}  // namespace

void Totals::Add(const CaseResult& result) {
    ++cases;
    succeeded += result.verdict == Verdict::kSucceeded ? 1 : 0;
    clear_failures += result.verdict == Verdict::kClearFailure ? 1 : 0;
    unclear_failures += result.verdict == Verdict::kUnclearFailure ? 1 : 0;
    crashes += result.verdict == Verdict::kCrash ? 1 : 0;
    orphans += result.orphans.empty() ? 0 : 1;
    untracked += result.untracked.empty() ? 0 : 1;
    replacements += result.unwanted_replacement ? 1 : 0;
    unrecovered += result.recovery_problem.empty() ? 0 : 1;
    missed += result.fault_hit ? 0 : 1;
}

std::string Totals::ToString() const {
    std::ostringstream text;
    text << "cases " << cases << ", succeeded " << succeeded << ", clear failures " << clear_failures
         << ", unclear failures " << unclear_failures << ", crashes " << crashes << ", orphans " << orphans
         << ", untracked active versions " << untracked << ", unwanted replacements " << replacements
         << ", unrecovered " << unrecovered << ", faults that missed " << missed;
    return text.str();
}

std::string ResultLine(const std::string& name, const CaseResult& result) {
    std::ostringstream line;
    line << name << '\t' << VerdictName(result.verdict) << '\t' << (result.Passed() ? "pass" : "FAIL") << '\t'
         << static_cast<int>(result.seconds) << "s\torphans=" << result.orphans.size()
         << "\tuntracked=" << result.untracked.size() << "\treplacement=" << (result.unwanted_replacement ? 1 : 0)
         << "\tunrecovered=" << (result.recovery_problem.empty() ? 0 : 1) << "\tmissed=" << (result.fault_hit ? 0 : 1)
         << "\terror=" << result.error;
    if (!result.orphans.empty())
        line << "\torphan keys: " << Join(result.orphans);
    if (!result.untracked.empty())
        line << "\tuntracked versions: " << Join(result.untracked);
    if (!result.recovery_problem.empty())
        line << "\trecovery: " << result.recovery_problem;
    if (result.unwanted_replacement)
        line << "\tthe plan after the fault replaces the key";
    return line.str() + "\n";
}

void RecordResult(const std::string& name, const CaseResult& result) {
    const char* file = std::getenv("FAULT_MATRIX_RESULTS");
    if (file == nullptr || *file == '\0')
        return;
    const auto line = ResultLine(name, result);
    const int fd = ::open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    [[maybe_unused]] const auto written = ::write(fd, line.data(), line.size());
    ::close(fd);
}

}  // namespace fault_matrix

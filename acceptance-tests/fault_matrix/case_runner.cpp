#include "acceptance-tests/fault_matrix/case_runner.hpp"

#include <signal.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>

#include "acceptance-tests/fault_matrix/cloud.hpp"
#include "acceptance-tests/support/scenario.hpp"
#include "test_support/gpg.hpp"

namespace fault_matrix {

namespace {

using acceptance::EmulatorProcess;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

// One throwaway key pair for every case of the process: making one takes a while.
const test_support::GpgKeyring& Keyring() {
    static const test_support::GpgKeyring keyring;
    return keyring;
}

std::string LockboxBlock(const std::string& secret, const std::string& entry) {
    return "  output_to_lockbox {\n    secret_id            = \"" + secret + "\"\n    entry_for_secret_key = \"" +
           entry + "\"\n  }\n";
}

void Replace(std::string& text, const std::string& placeholder, const std::function<std::string()>& value) {
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder)) {
        text.replace(at, placeholder.size(), value());
    }
}

std::string Expand(std::string body) {
    Replace(body, "{PGP}", [] { return "  pgp_key = \"" + Keyring().PublicKeyBase64() + "\"\n"; });
    Replace(body, "{LOCKBOX_ENTRY}", [] { return LockboxBlock(EmulatorProcess::kLockboxSecret, "other_entry"); });
    Replace(body, "{LOCKBOX_OTHER}", [] { return LockboxBlock(EmulatorProcess::kSecondLockboxSecret, "api_key"); });
    Replace(body, "{LOCKBOX}", [] { return LockboxBlock(EmulatorProcess::kLockboxSecret, "api_key"); });
    return body;
}

std::string Timeouts() {
    const auto limit = "\"" + std::to_string(kOperationTimeoutSeconds) + "s\"";
    return "  timeouts {\n    create = " + limit + "\n    read   = " + limit + "\n    update = " + limit +
           "\n    delete = " + limit + "\n  }\n";
}

class CaseRun {
public:
    explicit CaseRun(const Case& c) : case_(c), path_(*c.path) {}

    CaseResult Run() {
        const auto started = Clock::now();
        seeded_ = AllVersions(emulator_.State());
        for (const auto& body : path_.setup) {
            WriteConfig(body);
            const auto applied = workspace_.Run({"apply", "-auto-approve", "-no-color"});
            if (applied.exit_code != 0)
                throw std::runtime_error("the fault-free setup failed: " + applied.out + applied.err);
        }
        if (path_.kind == StepKind::kImport)
            outside_ = CreateKeyOutsideTerraform(emulator_);
        WriteConfig(path_.step);

        const auto before = emulator_.State();
        before_step_ = AllVersions(before);
        if (case_.fault != nullptr)
            emulator_.Fault(FaultDocument());
        const auto [exit_code, output, everything] = case_.fault && case_.fault->interrupt ? Interrupt(before) : Step();
        const auto after = emulator_.State();
        result_.verdict = Judge(exit_code, output, everything);
        result_.error = FirstError(output);
        if (result_.verdict == Verdict::kCrash && result_.error.empty())
            result_.error = Excerpt(everything);
        result_.step_calls = StepCalls(before, after);
        if (case_.fault != nullptr)
            result_.fault_hit = MatchingCalls(before, after, case_.call) >= case_.call.occurrence;
        CheckCloud(after, "after the faulted step");

        emulator_.ClearFaults();
        Recover();
        result_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        return result_;
    }

private:
    struct Ran {
        int exit_code;
        std::string json_lines;
        std::string everything;
    };

    void WriteConfig(const std::string& body) const {
        std::string config = acceptance::RequiredProvidersBlock() + emulator_.ProviderBlock() +
                             acceptance::KeyResource(Expand(body) + Timeouts());
        if (!outside_.empty())
            config += "\nimport {\n  to = yandex_iam_service_account_api_key.key\n  id = \"" + outside_ + "\"\n}\n";
        workspace_.WriteConfig(config);
    }

    json FaultDocument() const {
        json fault = case_.fault->fault;
        fault["method"] = case_.call.method;
        fault["path"] = case_.call.path;
        if (case_.call.occurrence > 1)
            fault["skip"] = case_.call.occurrence - 1;
        return fault;
    }

    static Ran FromResult(const test_support::ProcessResult& result) {
        return {result.exit_code, result.out, result.out + result.err};
    }

    Ran Step() const {
        switch (path_.kind) {
            case StepKind::kDestroy:
                return FromResult(workspace_.Run({"destroy", "-auto-approve", "-json"}));
            case StepKind::kRefresh:
                return FromResult(workspace_.Run({"apply", "-refresh-only", "-auto-approve", "-json"}));
            case StepKind::kApply:
            case StepKind::kImport:
                break;
        }
        return FromResult(workspace_.Run({"apply", "-auto-approve", "-json"}));
    }

    std::unique_ptr<test_support::BackgroundProcess> StartStep() const {
        switch (path_.kind) {
            case StepKind::kDestroy:
                return workspace_.Start({"destroy", "-auto-approve", "-json"});
            case StepKind::kRefresh:
                return workspace_.Start({"apply", "-refresh-only", "-auto-approve", "-json"});
            case StepKind::kApply:
            case StepKind::kImport:
                break;
        }
        return workspace_.Start({"apply", "-auto-approve", "-json"});
    }

    // Ctrl-C while the call is held by the fault's latency: Terraform sends StopProvider and
    // waits for the provider to finish what it can.
    Ran Interrupt(const json& before) const {
        auto terraform = StartStep();
        const auto deadline = Clock::now() + std::chrono::seconds(60);
        while (MatchingCalls(before, emulator_.State(), case_.call) < case_.call.occurrence) {
            if (Clock::now() > deadline)
                break;  // never came: fault_hit reports it
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        terraform->Signal(SIGINT);
        std::string out;
        while (const auto line = terraform->ReadLine(std::chrono::seconds(90)))
            out += *line + "\n";
        const auto exit_code = terraform->Wait(std::chrono::seconds(30));
        if (!exit_code) {
            terraform->Signal(SIGKILL);
            return {
                -1, out, out + terraform->Stderr() + "\nterraform did not stop after SIGINT: plugin crashed or hung"};
        }
        return {*exit_code, out, out + terraform->Stderr()};
    }

    static std::string Excerpt(const std::string& text) {
        auto excerpt = text.substr(0, 400);
        for (auto& c : excerpt) {
            if (c == '\n')
                c = ' ';
        }
        return excerpt;
    }

    // `outside_` is exempt until the end: it was made outside Terraform and may not be imported
    // yet, but destroy must leave no key at all.
    void CheckCloud(const json& cloud, const std::string& when, bool at_end = false) {
        const auto state = ReadState(workspace_);
        for (const auto& key : OrphanKeys(cloud, state, at_end ? "" : outside_))
            result_.orphans.insert(key + " (" + when + ")");
        for (const auto& version : UntrackedVersions(cloud, seeded_, state)) {
            const auto* written =
                before_step_.count(version) ? "written before the step" : "written by the step or later";
            result_.untracked.insert(version + " (" + written + "; ACTIVE " + when + ")");
        }
    }

    // Without faults, Terraform must bring everything back: apply what the configuration says
    // (replacing the key only when the step was its create), then plan nothing, then destroy.
    void Recover() {
        if (path_.kind == StepKind::kDestroy) {
            Expect(workspace_.Run({"destroy", "-auto-approve", "-json"}), "destroy after the fault");
        } else {
            const auto plan = workspace_.Run({"plan", "-out=recover.tfplan", "-json"});
            if (!Expect(plan, "plan after the fault"))
                return Destroy();
            result_.recovery_action = PlannedAction(plan.out);
            result_.unwanted_replacement = result_.recovery_action == "replace" && !path_.creates;
            if (!Expect(workspace_.Run({"apply", "-auto-approve", "-json", "recover.tfplan"}), "apply after the fault"))
                return Destroy();
            CheckCloud(emulator_.State(), "after the clean apply");
            const auto again = workspace_.Run({"plan", "-detailed-exitcode", "-json"});
            if (again.exit_code != 0)
                Problem("the plan after the clean apply is not empty: " + PlannedAction(again.out) + " " +
                        FirstError(again.out));
            Destroy();
        }
        CheckCloud(emulator_.State(), "after destroy", true);
    }

    void Destroy() { Expect(workspace_.Run({"destroy", "-auto-approve", "-refresh=false", "-json"}), "destroy"); }

    bool Expect(const test_support::ProcessResult& result, const std::string& what) {
        if (result.exit_code == 0)
            return true;
        auto error = FirstError(result.out);
        Problem(what + " failed: " + (error.empty() ? Excerpt(result.out + result.err) : error));
        return false;
    }

    void Problem(const std::string& text) {
        if (!result_.recovery_problem.empty())
            result_.recovery_problem += "; ";
        result_.recovery_problem += text;
    }

    const Case& case_;
    const Path& path_;
    // Operations take a while to finish, as in Yandex Cloud, so the provider polls them and
    // each poll is a call the matrix faults too.
    EmulatorProcess emulator_{{"--operation-delay-ms", std::to_string(kOperationDelayMs)}};
    acceptance::TerraformWorkspace workspace_;
    VersionIds seeded_;
    VersionIds before_step_;
    std::string outside_;
    CaseResult result_;
};

}  // namespace

bool CaseResult::Passed() const {
    return (verdict == Verdict::kSucceeded || verdict == Verdict::kClearFailure) && fault_hit && orphans.empty() &&
           untracked.empty() && !unwanted_replacement && recovery_problem.empty();
}

CaseResult RunCase(const Case& c) {
    return CaseRun(c).Run();
}

}  // namespace fault_matrix

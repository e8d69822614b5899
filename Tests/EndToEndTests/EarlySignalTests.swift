#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Testing
import TestSupport

/// Signals that arrive the moment the wizard has appeared, many times over: each must end it.
@Suite("The wizard ends on a signal sent right after its first frame")
struct EarlySignalTests {
    // Found by scripts/bench, whose runs end each wizard with SIGTERM: about 1 run in 30 never
    // exited, because the termination handlers were installed from a detached task, racing the
    // wizard's own signal sources. 60 runs catch that race with high probability.
    @Test("SIGTERM right after the first frame ends the wizard (60 runs, with and without the sandbox)", arguments: [false, true])
    func termAfterFirstFrame(sandbox: Bool) async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let environment = ["HOME": scratch.home, "TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let problem = try await offPool { () throws -> String? in
            for run in 1...60 {
                let wizard = try PseudoTerminalRun(sandbox ? ["--sandbox"] : [], environment: environment)
                guard wizard.waitFor("help") else { return "run \(run): no first frame" }
                kill(wizard.pid, SIGTERM)
                let status = wizard.exitStatus()
                if status != 143 { return "run \(run): \(status.map { "exit \($0)" } ?? "still running 5 s after SIGTERM")" }
            }
            return nil
        }
        #expect(problem == nil, "\(problem ?? "")")
    }

    // Found under strace, which held the SIGHUP back: the wizard read nothing from the hung-up
    // terminal, poll() woke at once again, and it spun at 40 % CPU for as long as it was left.
    @Test("a terminal that hangs up without sending SIGHUP ends the wizard as SIGHUP does (exit 129), --sandbox too")
    func hangUpWithoutSignal() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let environment = ["HOME": scratch.home, "TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let (firstFrame, status) = try await offPool { () throws -> (Bool, Int32?) in
            let wizard = try PseudoTerminalRun(["--sandbox"], environment: environment, controllingTerminal: false)
            guard wizard.waitFor("help") else { return (false, nil) }
            wizard.hangUp()
            return (true, wizard.exitStatus())
        }
        #expect(firstFrame, "no first frame")
        #expect(status == 129, "\(status.map { "exit \($0)" } ?? "still running 5 s after the terminal hung up")")
    }
}

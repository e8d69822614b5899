import Foundation
import LastFMAuth
import LastFMSandbox
import Synchronization
import Testing
import TestSupport

/// Issue #37.6 through the binary: a signal that comes while the server's `auth.getSession`
/// answer is on its way, or just read, waits for it; the session the server issued is saved.
@Suite("A session the server issued is never lost to a signal")
struct SessionNeverLostTests {
    /// The process the sandbox signals, once it is known.
    final class Target: Sendable {
        let pid = Mutex<pid_t>(0)
    }

    /// A sandbox that sends SIGINT to `target`'s process `microseconds` after it has issued a
    /// session: on its own thread, before the answer is written.
    static func signalling(_ target: Target, after microseconds: Int) async throws -> SandboxServer {
        try await SandboxServer.start(SandboxConfiguration()) { line in
            guard line.contains("auth.getSession → session issued") else { return }
            let pid = target.pid.withLock { $0 }
            if microseconds > 0 { usleep(useconds_t(microseconds)) }
            kill(pid, SIGINT)
        }
    }

    @Test("Ctrl-C 0 to 5 ms after the sandbox issued the session (before its answer is written): the run saves it and ends with 0, never 'Cancelled'",
          arguments: [0, 200, 500, 1000, 2000, 5000])
    func signalAsTheAnswerComes(microseconds: Int) async throws {
        let target = Target()
        try await Self.signalling(target, after: microseconds).whileRunning { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let run = try RunningProcess(["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage, "--interval", "1"],
                                         environment: scratch.environmentWithSandboxCredentials)
            target.pid.withLock { $0 = run.pid }
            #expect(await run.waitForStderr(containing: "Waiting for approval"))
            let token = try #require(PlainModeTests.token(in: run.stderr))
            #expect(sandbox.approve(token: token))
            let status = await run.exitStatus()
            let issued = try #require(sandbox.sessions.first, "the sandbox issued no session")
            #expect(status == 0, "stderr: \(run.stderr)")
            #expect(scratch.read(scratch.credentialsPath)?.contains(issued.key) == true, "the issued session was not saved: \(run.stderr)")
            #expect(!run.stderr.contains("Cancelled"), "\(run.stderr)")
        }
    }

    @Test("the wizard (tmux): Ctrl-C as the sandbox issues the session: saved, the terminal restored, exit 0", arguments: [0, 1000])
    func wizardSignalAsTheAnswerComes(microseconds: Int) async throws {
        let target = Target()
        try await Self.signalling(target, after: microseconds).whileRunning { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let tmux = try await TmuxSession.start(["--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage, "--interval", "1"],
                                                   environment: scratch.environmentWithSandboxCredentials)
            #expect(try await tmux.waitFor("Waiting for approval").found)
            let pid = try await tmux.programPID()
            target.pid.withLock { $0 = pid }
            let screen = try await tmux.joinedScreen()
            let token = try #require(PlainModeTests.token(in: screen), "\(screen)")
            #expect(sandbox.approve(token: token))
            let status = try await tmux.exitStatus()
            let issued = try #require(sandbox.sessions.first, "the sandbox issued no session")
            let after = try await tmux.screen()
            #expect(status == 0, "\(after)")
            #expect(scratch.read(scratch.credentialsPath)?.contains(issued.key) == true)
            try await tmux.expectRestored()
        }
    }
}

import Foundation
import LastFMAuth
import Testing
import TestSupport

/// Issue #29.2: a crash in the middle of the screen left the terminal in raw mode and the Swift
/// runtime's backtracer drew a staircase into it, then waited 30 s for a key.
@Suite("A crash while lastfm-auth holds the terminal (tmux)")
struct WizardCrashTests {
    @Test("SEGV, BUS, ILL, FPE, TRAP and ABRT while waiting: the terminal given back first, no key waited for, the signal's exit status",
          arguments: [("SEGV", 11), ("BUS", 7), ("ILL", 4), ("FPE", 8), ("TRAP", 5), ("ABRT", 6)])
    func crashWhileWaiting(signal: String, number: Int32) async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let tmux = try await TmuxSession.start(["--sandbox"], environment: scratch.environment)
        try await WizardSignalTests.toSandboxWait(tmux)
        let sent = ContinuousClock.now
        try await tmux.signalProgram(signal)
        // The backtracer's prompt would hold it for 30 s; the bound only tells "no wait" from that.
        let status = try await tmux.exitStatus(timeout: .seconds(15))
        let took = sent.duration(to: .now)
        print("crash by SIG\(signal): ended after \(took)")
        let screen = try await tmux.screen()
        #expect(status == 128 + number, "screen:\n\(screen)")
        try await tmux.expectRestored("terminal not restored after SIG\(signal)")
        #expect(!screen.contains("Press space to interact"), "screen:\n\(screen)")
        #expect(!screen.contains(SandboxAccount.apiSecret), "no secret in the crash report")
        // What the report says is the runtime's; it must read as lines, not as a staircase.
        for line in screen.split(separator: "\n") where line.contains("Program crashed") {
            #expect(line.hasPrefix("💣") || line.hasPrefix("*** "), "the report starts at the left edge: \(line)")
        }
    }

    @Test("a crash at the plain front's hidden secret prompt: echo comes back, no key waited for, exit 139")
    func crashAtHiddenPrompt() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        var environment = scratch.environment
        environment["LASTFM_API_KEY"] = TestCredentials.apiKey
        let tmux = try await TmuxSession.start(["--plain", "--service", "lastfm", "--no-browser"], environment: environment)
        #expect(try await tmux.waitFor("Shared secret (typing is hidden)").found)
        try await tmux.signalProgram("SEGV")
        let status = try await tmux.exitStatus(timeout: .seconds(15))
        let screen = try await tmux.screen()
        #expect(status == 139, "screen:\n\(screen)")
        try await tmux.expectRestored("echo not back after a crash at the hidden prompt")
    }
}

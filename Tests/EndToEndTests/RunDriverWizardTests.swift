import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// Issue #36 through the real wizard in tmux: what only a real terminal shows of the run's decisions.
@Suite("One run, one driver: the wizard in a real terminal")
struct RunDriverWizardTests {
    @Test("--for rescrobbled: Ctrl-C on the done screen is the run's end, exit 0, and the hand-off the screen promised is done")
    func ctrlCAfterSaveHandsOff() async throws {
        try await LastFMStandIn.with(SandboxConfiguration(approveAfter: .zero)) { lastfm in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let folder = try AppHandOffTests.rescrobbled(scratch, config: "lastfm-key = \"\(SandboxAccount.apiKey)\"\nlastfm-secret = \"\(SandboxAccount.apiSecret)\"\n")
            let tmux = try await TmuxSession.start(["--service", "lastfm", "--interval", "1", "--no-browser", "--for", "rescrobbled"],
                                                   environment: lastfm.environment(scratch.environment))
            let done = try await tmux.waitFor("gets its own copy of the session when you leave this screen")
            #expect(done.found, "screen:\n\(done.screen)")
            try await tmux.send("C-c")
            #expect(try await tmux.exitStatus() == 0)
            // The lines after the wizard are wrapped at words to the terminal's 80 columns: read as words.
            let screen = try await tmux.joinedScreen().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(!screen.contains("Cancelled."), "screen:\n\(screen)")
            #expect(screen.contains("rescrobbled: wrote the session key to \(folder)/session."), "screen:\n\(screen)")
            let sessionKey = try #require(lastfm.sandbox.sessions.first?.key)
            #expect(scratch.read(folder + "/session") == sessionKey)
            try await tmux.expectRestored()
        }
    }

    @Test("nothing answering at the typed address: the line says 'press Esc to change it', and one Esc lands on the address")
    func escLandsOnAddress() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let closed = try LoopbackPort.Closed()  // nothing listens there, for the whole test
        defer { withExtendedLifetime(closed) {} }
        let port = closed.port
        let tmux = try await TmuxSession.start(["--api-root", "http://127.0.0.1:\(port)/2.0/", "--no-browser"],
                                               environment: scratch.environmentWithSandboxCredentials, width: 100, height: 30)
        let hint = try await tmux.waitFor("press Esc to change it", timeout: .seconds(40))
        #expect(hint.found, "screen:\n\(hint.screen)")
        try await tmux.send("Escape")
        let address = try await tmux.waitFor("Your server's addresses")
        #expect(address.found, "screen:\n\(address.screen)")
        #expect(address.screen.contains("> http://127.0.0.1:\(port)/2.0/"), "the cursor on the API root: \(address.screen)")
        // A text field takes q: Ctrl-C leaves, before any session, as a cancel.
        try await tmux.send("C-c")
        #expect(try await tmux.exitStatus() == 130)
    }
}

import TestSupport
import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
@testable import lastfm_auth

/// `eval "$(lastfm-auth --print env)"`: standard output is captured, so the wizard draws on the
/// controlling terminal and only the credentials reach the capture; without a controlling
/// terminal the plain front runs, as before.
@Suite("Captured standard output", .serialized)
struct CapturedOutputTests {
    /// What `--print env` writes for the sandbox's fixed key and secret, whatever the session key
    /// (each line starts with `export `, issue #40).
    static func isSandboxEnv(_ text: String, service: String = "sandbox") -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("export ") ? $0.dropFirst(7) : $0 }
        return lines.count == 7 && lines[6].isEmpty
            && lines[0] == "LASTFM_API_KEY='\(SandboxAccount.apiKey)'"
            && lines[1] == "LASTFM_API_SECRET='\(SandboxAccount.apiSecret)'"
            && lines[2].hasPrefix("LASTFM_SESSION_KEY='") && lines[2].count == "LASTFM_SESSION_KEY=''".count + 32
            && lines[3] == "LASTFM_USERNAME='sandbox-user'"
            && lines[4].hasPrefix("LASTFM_API_ROOT='http://127.0.0.1:") && lines[5] == "LASTFM_SERVICE='\(service)'"
    }

    @Test("the device: both ends a terminal, standard; output captured, the controlling terminal or the plain front; input not a terminal, the plain front")
    func deviceChoice() {
        let tty: Int32 = 42
        #expect(TerminalDevice.choose(isTerminal: { _ in true }, openControlling: { Issue.record("opened"); return tty }) == .standard)
        #expect(TerminalDevice.choose(isTerminal: { $0 == STDIN_FILENO }, openControlling: { tty })
            == TerminalDevice(input: tty, output: tty, isControllingTerminal: true))
        #expect(TerminalDevice.choose(isTerminal: { $0 == STDIN_FILENO }, openControlling: { nil }) == nil)
        #expect(TerminalDevice.choose(isTerminal: { $0 == STDOUT_FILENO }, openControlling: { Issue.record("opened"); return tty }) == nil)
    }

    @Test("standard output to a file or a pipe: the wizard on the terminal, exactly the credentials in the capture",
          arguments: ["> OUT", "| cat > OUT"])
    func wizardOnTheControllingTerminal(redirect: String) async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let out = scratch.path + "/captured.txt"
        let tmux = try await TmuxSession.start(["--sandbox", "--print", "env"], environment: scratch.environment,
                                   redirect: redirect.replacingOccurrences(of: "OUT", with: TmuxSession.quote(out)))
        // The wizard draws on the terminal, step by step.
        try await WizardSignalTests.toSandboxWait(tmux)
        try await tmux.send("a")
        #expect(try await tmux.waitFor("Authorized as sandbox-user").found)
        try await tmux.send("Enter")
        let status = try await tmux.exitStatus()
        #expect(status == 0)
        let captured = scratch.read(out) ?? ""
        #expect(Self.isSandboxEnv(captured), "captured:\n\(captured)")
        #expect(!captured.contains("\u{1B}"), "no screen bytes in the capture")
        try await tmux.expectRestored("terminal not restored")
    }

    @Test("no controlling terminal (setsid): the plain front, its lines on standard error, the credentials captured")
    func noControllingTerminal() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let out = scratch.path + "/captured.txt"
            let tmux = try await TmuxSession.start(["--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage, "--interval", "1", "--no-browser", "--print", "env"],
                                       environment: scratch.environmentWithSandboxCredentials, launcher: ["setsid", "-w"],
                                       redirect: "> " + TmuxSession.quote(out))
            let status = try await tmux.exitStatus()
            #expect(status == 0)
            let screen = try await tmux.screen()
            #expect(screen.contains("Asking 127.0.0.1 for a request token..."), "screen:\n\(screen)")
            let captured = scratch.read(out) ?? ""
            #expect(Self.isSandboxEnv(captured, service: "custom"), "captured:\n\(captured)")
        }
    }
}

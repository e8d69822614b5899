import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// The ncurses wizard driven as a person would, under tmux, against a sandbox on loopback.
@Suite("The wizard in a real terminal (tmux)")
struct WizardScreenTests {
    static let key = SandboxAccount.apiKey
    static let secret = SandboxAccount.apiSecret

    /// The token in the authorize URL on the screen (it may be wrapped over two lines).
    static func token(on screen: String) -> String? {
        let joined = screen.split(separator: "\n").map { String($0) }.joined()
        guard let range = joined.range(of: "token=") else { return nil }
        let token = String(joined[range.upperBound...].prefix { $0.isHexDigit })
        return token.count == 32 ? token : nil
    }

    @Test("at 80x24: choose the server, type key and secret, see the URL, approve on the page, done and saved")
    func wholeFlow() async throws {
        try await SandboxServer.with(SandboxConfiguration()) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let tmux = try await TmuxSession.start(["--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage], environment: scratch.environment)
            // --api-root gave the server: the wizard opens on the key (issue #27), and Esc shows the addresses used.
            #expect(try await tmux.waitFor("API key").found)
            try await tmux.send("Escape")
            #expect(try await tmux.waitFor("Your server's addresses").found)
            try await tmux.send("Enter")
            #expect(try await tmux.waitFor("API key").found)
            try await tmux.type("0123456789abcdef0123456789abcdeg")
            #expect(try await tmux.waitFor("'g' is not allowed: only 0-9 and a-f").found)
            try await tmux.send("BSpace")
            try await tmux.type("f")
            #expect(try await tmux.waitFor("✓ 32 of 32 characters").found)
            try await tmux.send("Enter")
            #expect(try await tmux.waitFor("Shared secret").found)
            try await tmux.type(Self.secret)
            let masked = try await tmux.waitFor("••••••••••••••••••••••••••••••••")
            #expect(masked.found)
            #expect(!masked.screen.contains(Self.secret), "the secret is not on the screen")
            try await tmux.send("Enter")
            let authorize = try await tmux.waitFor("Waiting for approval")
            #expect(authorize.found, "screen:\n\(authorize.screen)")
            let token = try #require(Self.token(on: authorize.screen))
            #expect(authorize.screen.contains("\(sandbox.authPage)?api_key=\(Self.key)&token="))
            #expect(sandbox.approve(token: token))
            let done = try await tmux.waitFor("Authorized as sandbox-user")
            #expect(done.found, "screen:\n\(done.screen)")
            try await tmux.send("Enter")
            #expect(try await tmux.exitStatus() == 0)
            #expect(scratch.read(scratch.credentialsPath)?.contains("\"username\" : \"sandbox-user\"") == true)
            try await tmux.expectRestored("terminal not restored")
        }
    }

    @Test("at 40x12 with --sandbox: Enter three times, a approves, done")
    func smallSandbox() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let tmux = try await TmuxSession.start(["--sandbox"], environment: scratch.environment, width: 40, height: 12)
        let authorize = try await tmux.walkSandboxToAuthorize()
        #expect(authorize.found, "screen:\n\(authorize.screen)")
        #expect(Self.token(on: authorize.screen) != nil, "the whole URL fits at 40x12")
        try await tmux.send("a")
        let done = try await tmux.waitFor("Authorized as sandbox-user")
        #expect(done.found, "screen:\n\(done.screen)")
        try await tmux.send("Enter")
        #expect(try await tmux.exitStatus() == 0)
    }

    @Test("a wrong secret comes back to the secret field with the reason; a pasted key is trimmed")
    func wrongSecretAndPaste() async throws {
        try await SandboxServer.with(SandboxConfiguration()) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let tmux = try await TmuxSession.start(["--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage], environment: scratch.environment)
            #expect(try await tmux.waitFor("API key").found)
            try await tmux.type("\u{1B}[200~  \(Self.key)\n\u{1B}[201~")
            #expect(try await tmux.waitFor("✓ 32 of 32 characters").found)
            try await tmux.send("Enter")
            #expect(try await tmux.waitFor("Shared secret").found)
            try await tmux.type("00000000000000000000000000000000")
            try await tmux.send("Enter")
            let refused = try await tmux.waitFor("does not match this API key (error 13)")
            #expect(refused.found, "screen:\n\(refused.screen)")
            #expect(refused.screen.contains("Shared secret"))
            try await tmux.send("C-c")
            #expect(try await tmux.exitStatus() == 130)
        }
    }

    @Test("resizing during the wait: smaller, too small, bigger; the URL stays whole and the flow goes on")
    func resizeWhileWaiting() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let tmux = try await TmuxSession.start(["--sandbox"], environment: scratch.environment)
        #expect(try await tmux.waitFor("Built-in sandbox").found)
        try await WizardSignalTests.toSandboxWait(tmux)
        let first = try await tmux.waitFor("Waiting for approval")
        #expect(first.found)
        let token = try #require(Self.token(on: first.screen))
        try await tmux.resize(width: 40, height: 12)
        let small = try await tmux.waitFor("Enter check now")
        #expect(Self.token(on: small.screen) == token, "screen:\n\(small.screen)")
        try await tmux.resize(width: 20, height: 6)
        #expect(try await tmux.waitFor("Terminal too small").found)
        try await tmux.resize(width: 120, height: 40)
        // The QR code is drawn below the URL: waiting for it, not the title, never reads a screen half redrawn.
        let big = try await tmux.waitFor("█")
        #expect(big.found, "the QR code appears when there is room")
        #expect(Self.token(on: big.screen) == token, "screen:\n\(big.screen)")
        try await tmux.send("a")
        #expect(try await tmux.waitFor("Authorized as sandbox-user").found)
        try await tmux.send("q")
        #expect(try await tmux.exitStatus() == 0)
    }

    @Test("focus coming back checks at once, long before the next scheduled check")
    func focusChecksNow() async throws {
        try await SandboxServer.with(SandboxConfiguration()) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let env = scratch.environmentWithSandboxCredentials
            // Server, key and secret all given: the wizard starts at the token request (issue #13).
            let tmux = try await TmuxSession.start(["--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage, "--interval", "600"], environment: env)
            // The first check comes after a second; the next one only after the 10-minute interval.
            // "checked N s ago", any N: a loaded machine's poller can miss the second that reads "1 s".
            let waiting = try await tmux.waitFor("Waiting for approval · checked ")
            #expect(waiting.found, "screen:\n\(waiting.screen)")
            let token = try #require(Self.token(on: waiting.screen))
            #expect(sandbox.approve(token: token))
            try await tmux.type("\u{1B}[I")
            #expect(try await tmux.waitFor("Authorized as sandbox-user", timeout: .seconds(10)).found)
        }
    }

    @Test("a saved session is offered first; keeping it with --print env prints it and changes nothing")
    func keepExisting() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let env = scratch.environmentWithSandboxCredentials
            let server = ["--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage]
            let (status, _, stderr) = try await RunningProcess.run(["--plain", "--interval", "1"] + server, environment: env)
            #expect(status == 0, "stderr: \(stderr)")
            let saved = scratch.read(scratch.credentialsPath)
            let tmux = try await TmuxSession.start(server + ["--print", "env"], environment: env)
            #expect(try await tmux.waitFor("already holds a session for sandbox-user").found)
            try await tmux.send("k")
            #expect(try await tmux.exitStatus() == 0)
            let screen = try await tmux.screen()
            #expect(screen.contains("Kept the saved session for sandbox-user."))
            #expect(screen.contains("LASTFM_USERNAME='sandbox-user'"))
            #expect(scratch.read(scratch.credentialsPath) == saved)
        }
    }
}

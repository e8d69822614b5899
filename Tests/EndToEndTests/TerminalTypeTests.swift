import Testing
import TestSupport
@testable import lastfm_auth

/// TERM names that the host has no terminfo entry for (what modern terminals send over SSH).
@Suite("Terminals people really have: unknown TERM, no UTF-8 locale, the Linux console, dumb")
struct TerminalTypeTests {
    @Test("the nearest common entries, best first, after TERM's own")
    func candidates() {
        #expect(TerminalType.candidates(for: "xterm-kitty") == ["xterm-kitty", "xterm-256color", "xterm"])
        #expect(TerminalType.candidates(for: "alacritty") == ["alacritty", "xterm-256color", "xterm"])
        #expect(TerminalType.candidates(for: "wezterm") == ["wezterm", "xterm-256color", "xterm"])
        #expect(TerminalType.candidates(for: "tmux-direct") == ["tmux-direct", "tmux-256color", "screen-256color", "screen"])
        #expect(TerminalType.candidates(for: "linux-16color") == ["linux-16color", "linux"])
        #expect(TerminalType.candidates(for: "vt525") == ["vt525", "vt220", "vt100"])
        #expect(TerminalType.candidates(for: "xterm-256color") == ["xterm-256color", "xterm"])
        #expect(TerminalType.candidates(for: "totally-unknown") == ["totally-unknown"])
    }

    @Test("the first entry the host knows is chosen; none means the plain front")
    func choose() {
        let known: Set = ["xterm", "linux"]
        #expect(TerminalType.choose(term: "xterm-kitty", hasEntry: known.contains) == "xterm")
        #expect(TerminalType.choose(term: "linux", hasEntry: known.contains) == "linux")
        #expect(TerminalType.choose(term: "totally-unknown", hasEntry: known.contains) == nil)
        #expect(NCursesTerminal.hasEntry("xterm"), "Debian's ncurses-base has xterm")
        #expect(!NCursesTerminal.hasEntry("no-such-terminal-here"))
    }

    @Test("TERM=xterm-kitty without its entry: the wizard appears with a note and the whole flow completes")
    func unknownTerminalDrawsAsItsRelative() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        // xterm-kitty unless this machine has kitty-terminfo installed: then another name it lacks.
        let term = try #require(["xterm-kitty", "xterm-ghostty", "xterm-lastfm-auth-test"].first { !NCursesTerminal.hasEntry($0) })
        var environment = scratch.environment
        environment["TERM"] = term
        let tmux = try await TmuxSession.start(["--sandbox"], environment: environment)
        let first = try await tmux.waitFor("Built-in sandbox")
        #expect(first.found, "screen:\n\(first.screen)")
        let words = first.screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("This host has no terminfo entry for TERM=\(term); drawing as xterm-256color."))
        try await WizardSignalTests.toSandboxWait(tmux)
        try await tmux.send("a")
        #expect(try await tmux.waitFor("Authorized as sandbox-user").found)
        try await tmux.send("Enter")
        #expect(try await tmux.exitStatus() == 0)
        try await tmux.expectRestored()
    }

    @Test("a TERM with no entry and no relative: the plain front, with a note, completes (never exit 1 for this)")
    func unknownTerminalFallsBackToPlain() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        var environment = scratch.environment
        environment["TERM"] = "totally-unknown"
        let tmux = try await TmuxSession.start(["--sandbox"], environment: environment, width: 120, height: 30)
        let plain = try await Self.approveInPlainFront(tmux)
        #expect(plain.contains("no terminfo entry for TERM=totally-unknown or a close relative; using the line-by-line front."))
        #expect(try await tmux.exitStatus() == 0)
    }

    @Test("the whole flow in ASCII: header intact, a visible mask of the right length, nothing but ASCII on screen",
          arguments: [["LC_ALL": "C"], ["LANG": "", "LC_ALL": "POSIX"], ["TERM": "linux"], ["TERM": "vt100"]])
    func asciiTerminals(_ settings: [String: String]) async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let tmux = try await TmuxSession.start(["--sandbox"], environment: scratch.environment.merging(settings) { $1 })
        let first = try await tmux.waitFor("Built-in sandbox")
        #expect(first.found, "screen:\n\(first.screen)")
        #expect(first.screen.contains(" lastfm-auth - connect an application to the built-in sandbox       step 1 of 5"), "\(settings)")
        try await tmux.send("Enter")
        #expect(try await tmux.waitFor("ok 32 of 32 characters").found)
        try await tmux.send("Enter")
        let secret = try await tmux.waitFor("Shared secret")
        #expect(secret.screen.contains("> " + String(repeating: "*", count: 32) + "\n"), "the masked secret is visible, 32 long:\n\(secret.screen)")
        try await tmux.send("Enter")
        let authorize = try await tmux.waitFor("a approve (sandbox)")
        #expect(authorize.found)
        for screen in [first.screen, secret.screen, authorize.screen] {
            #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(settings): only ASCII on screen:\n\(screen)")
        }
        try await tmux.send("a")
        #expect(try await tmux.waitFor("ok Authorized as sandbox-user").found)
        try await tmux.send("Enter")
        #expect(try await tmux.exitStatus() == 0)
        try await tmux.expectRestored()
    }

    @Test("TERM=dumb on a terminal: the plain front, and the flow completes")
    func dumbTerminal() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let tmux = try await TmuxSession.start(["--sandbox"], environment: scratch.environment.merging(["TERM": "dumb"]) { $1 }, width: 120, height: 30)
        _ = try await Self.approveInPlainFront(tmux)
        #expect(try await tmux.waitFor("Authorized as sandbox-user").found)
        #expect(try await tmux.exitStatus() == 0)
    }

    /// The plain front on the pane, waiting: approves its token on the sandbox's page; returns the screen it read.
    private static func approveInPlainFront(_ tmux: TmuxSession) async throws -> String {
        let plain = try await tmux.waitFor("Waiting for approval")
        #expect(plain.found, "screen:\n\(plain.screen)")
        let token = try #require(PlainModeTests.token(in: plain.screen))
        try await PlainModeTests.approve(page: try #require(Self.authPage(in: plain.screen)), token: token)
        return plain.screen
    }

    private static func authPage(in screen: String) -> String? {
        screen.split(separator: "\n").first { $0.hasPrefix("http://127.0.0.1:") && $0.contains("/api/auth/?") }
            .map { String($0.prefix { $0 != "?" }) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport
@testable import lastfm_auth

/// Issue #13: a mouse copy of the wrapped URL used to carry a line break from the middle.
@Suite("The authorize URL copies whole")
struct URLSelectionTests {
    @Test("the terminal wraps the URL itself: tmux's capture-pane -J gives it on one line", arguments: [40, 80, 120])
    func joinedURL(width: Int) async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let tmux = try await TmuxSession.start(["--sandbox"], environment: scratch.environment, width: width, height: 40)
        #expect(try await tmux.waitFor("Built-in sandbox").found)
        try await WizardSignalTests.toSandboxWait(tmux)
        let authorize = try await tmux.waitFor("a approve")
        #expect(authorize.found, "screen:\n\(authorize.screen)")
        let joined = try await tmux.joinedScreen()
        let url = joined.split(separator: "\n").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init) ?? ""
        #expect(url.contains("/api/auth/?api_key=\(SandboxAccount.apiKey)&token="), "joined:\n\(joined)")
        let token = url.components(separatedBy: "token=").last ?? ""
        #expect(token.count == 32 && token.allSatisfy(\.isHexDigit), "the token is whole after the join: \(url)")
        if width < 100 { #expect(!authorize.screen.contains(url), "at \(width) columns the URL does wrap on screen") }
    }

    @Test("OSC 8 links only where the terminal is known to support them")
    func hyperlinkSupport() {
        #expect(HyperlinkSupport.isKnown(in: ["VTE_VERSION": "7200", "TERM": "xterm-256color"]))
        #expect(HyperlinkSupport.isKnown(in: ["TERM_PROGRAM": "WezTerm"]))
        #expect(HyperlinkSupport.isKnown(in: ["TERM": "xterm-kitty"]))
        #expect(!HyperlinkSupport.isKnown(in: ["TERM": "xterm-256color"]), "an unknown xterm may print the bytes")
        #expect(!HyperlinkSupport.isKnown(in: ["VTE_VERSION": "4800"]))
        #expect(!HyperlinkSupport.isKnown(in: ["VTE_VERSION": "7200", "TMUX": "/tmp/tmux-0/default,1,0"]), "the terminal outside tmux is unknown")
    }

    @Test("with OSC 8 support the URL is written as a link; without, no OSC 8 byte is sent")
    func hyperlinkWritten() async throws {
        try await SandboxServer.with(SandboxConfiguration()) { sandbox in
            for (environment, linked) in [(["VTE_VERSION": "7200"], true), ([:], false)] {
                let scratch = ScratchFolder()
                defer { scratch.remove() }
                // Server, key and secret given: the wizard goes straight to the authorize page.
                let run = try PseudoTerminalRun(["--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage],
                                                environment: scratch.environmentWithSandboxCredentials.merging(environment) { $1 }
                                                    .merging(["TERM": "xterm-256color", "LANG": "C.UTF-8"]) { $1 })
                #expect(await run.waitForOffPool("token valid for", timeout: .seconds(60)), "the authorize step was drawn")
                // The link is written right after the frame that shows the status line: no wait when it must not come.
                #expect(await run.waitForOffPool("\u{1B}]8;;\(sandbox.authPage)?api_key=", timeout: linked ? .seconds(60) : .milliseconds(500)) == linked,
                        "\(environment)")
                kill(run.pid, SIGTERM)
                #expect(run.exitStatus() == 143)
            }
        }
    }
}

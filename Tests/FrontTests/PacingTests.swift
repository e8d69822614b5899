import LastFMAuth
import LastFMWizard
import Testing
import TestSupport
@testable import lastfm_auth

/// Issue #26: a rate-limited person who presses Enter (or r) does not make it worse, in either
/// front: the one pacing rule holds the server's Retry-After against every "now".
@Suite("Retry-After holds against Enter and r, in both fronts")
struct PacingTests {
    static let busy: [ScriptedServer.Reply] = [.http(503, retryAfter: 8), .token(TestCredentials.token)]
    static let approved: [ScriptedServer.Reply] = [.session(user: "alice", key: TestCredentials.sessionKey)]

    @Test("the plain front: Enter pressed every second of a 503's Retry-After: 8 asks again at 8 s, not before")
    func plain() async {
        let server = ScriptedServer(getToken: Self.busy, getSession: Self.approved, clock: ManualClock())
        let h = PlainHarness(server: server, terminal: true)
        let running = h.start()
        #expect(await h.waitForLine(containing: "Trying again in 8 s"))
        for _ in 0..<8 where server.times(of: "auth.getToken").count < 2 {
            #expect(h.input.pressEnter(), "Enter checks at once on a terminal")
            await h.advance(by: .seconds(1))
        }
        #expect(await eventually { server.times(of: "auth.getToken").count == 2 })
        #expect(server.times(of: "auth.getToken") == [.zero, .seconds(8)])
        running.cancel()
    }

    @Test("the wizard: r and Enter on the retry screen of a 503's Retry-After: 8 ask again at 8 s, not before")
    func wizard() async {
        let server = ScriptedServer(getToken: Self.busy, getSession: Self.approved, clock: ManualClock())
        let state = WizardState(profileName: "default", apiKey: TestCredentials.apiKey, secret: TestCredentials.secret)
        let h = WizardHarness(server: server, state: state, presses: [
            .init(when: "Trying again in 8 s", key: .character("r")), .init(when: "Trying again in 8 s", key: .enter),
        ])
        let outcome = await h.run()
        #expect(h.pressesLeft == 0, "both keys were pressed")
        #expect(server.times(of: "auth.getToken") == [.zero, .seconds(8)])
        #expect(outcome.end == .quit(status: 0), "then approved and saved as usual")
    }
}

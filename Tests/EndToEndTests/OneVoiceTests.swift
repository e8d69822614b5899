import LastFMAuth
import LastFMWizard
import Testing
import TestSupport
@testable import lastfm_auth

/// Issue #18: a person who meets the same situation in the wizard and in the plain front reads the
/// same words. Each situation is fed to both: the plain front's narrator gives its lines, the
/// wizard's reducer and view the screen; every line the plain front says must be on the screen.
@Suite("One voice: the same situation, the same sentence, in both fronts")
struct OneVoiceTests {
    static let key = TestCredentials.apiKey
    static let grant = TokenGrant(token: TestCredentials.token, age: .zero, resumed: false,
                                  authorizeURL: "https://www.last.fm/api/auth/?api_key=\(key)&token=\(TestCredentials.token)")
    static let session = Session(username: "alice", key: TestCredentials.sessionKey)
    static let down = AuthError.transport(TransportError(.connection, "could not connect to ws.audioscrobbler.com:443 (connection refused)"))

    /// The wizard after `events`, from the step a token is requested on, rendered large enough for every row.
    static func wizard(_ events: [WizardEvent], from step: WizardStep = .fetchingToken) -> (screen: String, state: WizardState) {
        var state = WizardState(profileName: "default", apiKey: key, secret: TestCredentials.secret)
        state.step = step
        for event in events { _ = WizardReducer.reduce(&state, event) }
        let screen = WizardView(state: state).render(width: 200, height: 60).text
        return (flattened(screen), state)
    }

    static func expectSame(plain: [String], wizard: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!plain.isEmpty, "the plain front says something", sourceLocation: sourceLocation)
        for line in plain {
            #expect(wizard.contains(flattened(line)), "the wizard does not say \"\(line)\"; it shows:\n\(wizard)", sourceLocation: sourceLocation)
        }
    }

    @Test("trouble while asking for a token, with a delay of 5.8 s", arguments: [Duration.milliseconds(5_800), .seconds(42)])
    func tokenTrouble(delay: Duration) {
        var narrator = PlainNarrator(verbose: false)
        let plain = narrator.lines(for: .retrying(problem: Self.down, failures: 1, delay: delay))
        Self.expectSame(plain: plain, wizard: Self.wizard([.tokenTrouble(Self.down, failures: 1, delay: delay)]).screen)
    }

    @Test("the token request ends: a refused key, a refused secret, a TLS failure, a script out of tries", arguments: [
        (AuthError.api(code: 10, message: "Invalid API key"), 1), (.api(code: 26, message: "Suspended"), 1),
        (.api(code: 13, message: "Invalid method signature"), 1), (.transport(TransportError(.tls, "the certificate has expired")), 1),
        (down, 4),
    ])
    func tokenFailed(error: AuthError, attempts: Int) {
        var narrator = PlainNarrator(verbose: false)
        let plain = narrator.lines(for: .failed(error, attempts: attempts))
        let (screen, state) = Self.wizard([.tokenFailed(error, attempts: attempts)])
        Self.expectSame(plain: plain, wizard: screen)
        if let field = error.blamedField { #expect(state.step == (field == .apiKey ? .apiKey : .secret), "the wizard goes back to the field") }
    }

    /// The authorize step at `age`, with `wait` arrived.
    static func waiting(_ wait: WaitState, grant: TokenGrant = grant, age: Duration) -> String {
        wizard([.tokenReceived(grant), .waitChanged(wait), .tick(tokenAge: age)]).screen
    }

    @Test("trouble while waiting, and the wait's ends: expired, access denied, a key refused mid-wait", arguments: [
        WaitState.retrying(problem: down, failures: 2, lastCheck: .seconds(600), nextCheck: .milliseconds(611_300)),
        .expired, .failed(.api(code: 4, message: "The user denied access")), .failed(.api(code: 10, message: "Invalid API key")),
        .failed(.api(code: 3, message: "Invalid method")),
    ])
    func waitStates(wait: WaitState) {
        var narrator = PlainNarrator(verbose: false)
        _ = narrator.lines(showing: Self.grant, schedule: PollingSchedule(), interactive: false)
        let plain = narrator.lines(for: wait, of: Self.grant)
        Self.expectSame(plain: plain, wizard: Self.waiting(wait, age: .seconds(600)))
    }

    @Test("a resumed token's age, and the hint that it may be spent (each front names its own way to a new token)")
    func resumedAndSpent() {
        let resumed = TokenGrant(token: TestCredentials.token, age: .milliseconds(239_900), resumed: true, authorizeURL: Self.grant.authorizeURL)
        var narrator = PlainNarrator(verbose: false)
        let shown = narrator.lines(showing: resumed, schedule: PollingSchedule(), interactive: false)
        let age = Duration.milliseconds(239_900) + .seconds(181)
        let wait = WaitState.waiting(lastCheck: age, nextCheck: age + .seconds(3))
        let hint = narrator.lines(for: wait, of: resumed)
        let screen = Self.waiting(wait, grant: resumed, age: age)
        Self.expectSame(plain: [shown[0]], wizard: screen)
        #expect(shown[0] == "Resumed the token from an earlier run (3 min old).")
        #expect(hint == [Wording.possiblySpent(after: .seconds(181), remedy: .flag)])
        #expect(screen.contains(flattened(Wording.possiblySpent(after: .seconds(181), remedy: .key))))
        let shared = hint[0].components(separatedBy: "press Ctrl-C")[0]
        #expect(screen.contains(flattened(shared)), "the same sentence up to the way out")
    }

    @Test("cancelling with a token on the screen, and after the spent-token hint")
    func cancelled() {
        var narrator = PlainNarrator(verbose: false)
        _ = narrator.lines(showing: Self.grant, schedule: PollingSchedule(), interactive: false)
        let (_, waiting) = Self.wizard([.tokenReceived(Self.grant), .waitChanged(.waiting(lastCheck: nil, nextCheck: .seconds(1)))])
        #expect(narrator.cancelled(tokenShown: true, inSandbox: false) == waiting.cancelMessage)
        #expect(waiting.cancelMessage.contains("run lastfm-auth again to resume"))
        let (_, before) = Self.wizard([])
        #expect(narrator.cancelled(tokenShown: false, inSandbox: false) == before.cancelMessage)
        #expect(before.cancelMessage == "Cancelled.")
    }

    @Test("authorized and saved, the secrets in the keyring, in the file, or in the file because the keyring failed",
          arguments: [SavedSecrets(place: .keyring), SavedSecrets(place: .file), SavedSecrets(place: .file, keyringProblem: .noSessionBus),
                      SavedSecrets(place: .file, keyringProblem: .locked("Cannot create an item in a locked collection")),
                      SavedSecrets(place: .file, keyringProblem: .timedOut(.seconds(3)))])
    func saved(secrets: SavedSecrets) {
        var narrator = PlainNarrator(verbose: false)
        let plain = narrator.lines(for: .authorized(Self.session), of: Self.grant)
            + [Wording.saved(profile: "default", path: "/x/credentials.json"), Wording.secretsSaved(secrets)]
        var state = WizardState(profileName: "default", apiKey: Self.key, secret: TestCredentials.secret)
        state.step = .fetchingToken
        for event: WizardEvent in [.tokenReceived(Self.grant), .waitChanged(.authorized(Self.session)), .saved(path: "/x/credentials.json", secrets: secrets)] {
            _ = WizardReducer.reduce(&state, event)
        }
        let done = flattened(WizardView(state: state).render(width: 200, height: 60).text)
        Self.expectSame(plain: [Wording.secretsSaved(secrets), Wording.sessionKeyHint(profile: "default", place: secrets.place)], wizard: done)
        guard case .quit(0, let message?) = WizardReducer.reduce(&state, .key(.enter)).first else { Issue.record("no exit"); return }
        Self.expectSame(plain: plain, wizard: message)
    }
}

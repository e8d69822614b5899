import LastFMAuth
import LastFMWizard
import Testing
import TestSupport
@testable import lastfm_auth

/// Issues #18 and #26: a person who meets the same situation in the wizard and in the plain front
/// reads the same words and is taken to the same next move. Each situation is played for real by
/// both fronts in process, over the real core and a scripted server on a manual clock: every line
/// the plain front says must be on one of the wizard's screens or in its last words (but for the
/// few that only a line-by-line front needs), and both must end where `FlowRules` says.
@Suite("One voice: the same situation, the same move and the same sentence, in both fronts")
struct OneVoiceTests {
    typealias Reply = ScriptedServer.Reply
    static let session = Session(username: "alice", key: TestCredentials.sessionKey)
    static let down = AuthError.transport(TransportError(.unreachable, "could not connect to 127.0.0.1:9: connection refused"))

    /// One situation: what the server answers, and for whom.
    struct Situation: Sendable, CustomTestStringConvertible {
        var name: String
        var getToken: [Reply] = [.token(TestCredentials.token)]
        var getSession: [Reply]
        /// No key given, on Libre.fm: both fronts go on with a made-up key and secret.
        var withoutAPIAccount = false
        /// An earlier run left this token waiting (4 minutes ago).
        var pending = false
        /// A script (no terminal), which the plain front gives up on after four tries.
        var unattended = false
        /// Where both fronts must end.
        var expected: End
        var testDescription: String { name }
    }

    /// Where a front ended.
    enum End: Equatable, Sendable {
        case saved, keyField, secretField, problem
    }

    static let situations: [Situation] = [
        Situation(name: "approved after trouble while asking and while waiting", getToken: [.down, .token(TestCredentials.token)],
                  getSession: [.error(14, "Unauthorized Token"), .http(502, retryAfter: nil), .error(14, "Unauthorized Token"),
                               .session(user: "alice", key: TestCredentials.sessionKey)], expected: .saved),
        Situation(name: "the API key refused when asking", getToken: [.error(10, "Invalid API key")], getSession: [], expected: .keyField),
        Situation(name: "the secret refused when asking", getToken: [.error(13, "Invalid method signature")], getSession: [], expected: .secretField),
        Situation(name: "a TLS failure when asking", getToken: [.broken(TransportError(.tls, "the certificate has expired"))], getSession: [],
                  expected: .problem),
        Situation(name: "access denied while waiting", getSession: [.error(14, "Unauthorized Token"), .error(4, "The user denied access")],
                  expected: .problem),
        Situation(name: "the API key refused while waiting", getSession: [.error(10, "Invalid API key")], expected: .keyField),
        Situation(name: "the token expired while waiting", getSession: [.error(14, "Unauthorized Token"), .error(15, "Token has expired")],
                  expected: .problem),
        Situation(name: "a resumed token the server calls expired: a fresh one in both, then approved",
                  getSession: [.error(15, "Token has expired"), .error(14, "Unauthorized Token"), .session(user: "alice", key: TestCredentials.sessionKey)],
                  pending: true, expected: .saved),
        Situation(name: "a made-up key refused when asking", getToken: [.error(10, "Invalid API key")], getSession: [], withoutAPIAccount: true,
                  expected: .keyField),
        Situation(name: "a made-up key refused while waiting", getSession: [.error(26, "Suspended API key")], withoutAPIAccount: true,
                  expected: .keyField),
        Situation(name: "without an API account, approved", getSession: [.session(user: "alice", key: TestCredentials.sessionKey)],
                  withoutAPIAccount: true, expected: .saved),
    ]

    @Test("each situation, played by both fronts", arguments: situations)
    func situation(_ situation: Situation) async throws {
        let service: Service = situation.withoutAPIAccount ? .librefm : .lastfm
        // The plain front.
        let plain = PlainHarness(server: ScriptedServer(getToken: situation.getToken, getSession: situation.getSession), service: service,
                                 apiKey: situation.withoutAPIAccount ? nil : TestCredentials.apiKey,
                                 secret: situation.withoutAPIAccount ? nil : TestCredentials.secret, terminal: false)
        if situation.pending { Self.leavePendingToken(in: plain.store) }
        let plainEnd = await plain.runToEnd()
        // The wizard.
        var state = WizardState(profileName: "default", preselected: situation.withoutAPIAccount ? .librefm : .lastfm,
                                apiKey: situation.withoutAPIAccount ? "" : TestCredentials.apiKey,
                                secret: situation.withoutAPIAccount ? "" : TestCredentials.secret)
        let presses = situation.withoutAPIAccount
            ? [WizardHarness.Press(when: "Which service", key: .enter), .init(when: "leave the key empty", key: .enter)] : []
        let wizard = WizardHarness(server: ScriptedServer(getToken: situation.getToken, getSession: situation.getSession), state: state,
                                   serviceGiven: !situation.withoutAPIAccount, presses: presses)
        if situation.pending { Self.leavePendingToken(in: wizard.store) }
        let outcome = await wizard.run()

        // The same move.
        switch (situation.expected, plainEnd) {
        case (.saved, .success(let status)): #expect(status == 0)
        case (.saved, .failure(let error)): Issue.record("the plain front ended with \(error.message)")
        case (_, .success): Issue.record("the plain front saved a session")
        case (_, .failure): break
        }
        let wizardEnd: End? = switch outcome.state.step {
        case .done: .saved
        case .apiKey: .keyField
        case .secret: .secretField
        case .problem: .problem
        default: nil
        }
        #expect(wizardEnd == situation.expected, "the wizard ended on \(outcome.state.step)")
        if situation.expected == .saved { #expect(outcome.end == .quit(status: 0)) }

        // The same words.
        // Each front saved in a scratch folder of its own: the same words but for that.
        let shown = (wizard.everything + "\n" + flattened(outcome.message ?? "")).replacing(wizard.scratch.path, with: "HOME")
        let said = Self.situationLines(plain, end: plainEnd).map { $0.replacing(plain.scratch.path, with: "HOME") }
        #expect(!said.isEmpty)
        for line in said {
            #expect(shown.contains(flattened(line)), "the wizard never says \"\(line)\"; it showed:\n\(Self.distinct(wizard.everything))")
        }
        if case .failure(let error) = plainEnd, let sentence = outcome.state.fieldMessage ?? outcome.state.problem {
            #expect(error.message.hasPrefix(sentence), "the move's sentence, word for word")
        }
    }

    /// The screens' text without repeats, for a failure's message.
    static func distinct(_ screens: String) -> String {
        var seen: Set<Substring> = []
        return screens.split(separator: "\n").filter { seen.insert($0).inserted }.joined(separator: "\n")
    }

    /// What the plain front said of the situation: every line but its prompts and the few only a
    /// line-by-line front needs (its first line, the address on a line of its own, the wait's
    /// announcement), with its last words minus the flag or rerun only a script can use.
    static func situationLines(_ plain: PlainHarness, end: Result<Int32, CLIError>) -> [String] {
        let onlyPlain = [Wording.connecting(.lastfm, profile: "default"), Wording.connecting(.librefm, profile: "default"),
                         Wording.waiting(interval: .seconds(3), left: .seconds(3600), enterChecks: false),
                         Wording.waiting(interval: .seconds(3), left: .seconds(3360), enterChecks: false)]
        var lines = plain.lines.all.filter { $0.kind == .line || $0.kind == .problem }.map(\.text)
            .filter { !onlyPlain.contains($0) && !$0.hasPrefix("https://") }
        if case .failure(let error) = end {
            var last = error.message
            for suffix in [" " + Wording.giveCredentials, " " + Wording.runAgainForNewToken] where last.hasSuffix(suffix) {
                last = String(last.dropLast(suffix.count))
            }
            lines.append(last)
        }
        return lines
    }

    /// An earlier run's token, four minutes old, for the profile "default" on Last.fm.
    static func leavePendingToken(in store: CredentialsStore) {
        let pending = PendingTokenStore(besideCredentialsAt: store.path)
        try? pending.remember(PendingToken(apiRoot: Service.lastfm.apiRoot.text, apiKey: TestCredentials.apiKey, token: "0000000000000000000000000000beef",
                                           issuedAt: Timestamp.nowUnix() - 240), for: "default")
    }

    @Test("cancelling: before a token, with one on the screen, and in the sandbox, both say what FlowRules says")
    func cancelled() {
        let grant = TokenGrant(token: TestCredentials.token, age: .zero, resumed: false, authorizeURL: "https://www.last.fm/api/auth/?token=x")
        var state = WizardState(profileName: "default", apiKey: TestCredentials.apiKey, secret: TestCredentials.secret)
        state.step = .fetchingToken
        #expect(state.cancelMessage == FlowRules.cancelled(tokenShown: false, possiblySpent: false, facts: FlowFacts()))
        _ = WizardReducer.reduce(&state, .tokenReceived(grant))
        #expect(state.cancelMessage == FlowRules.cancelled(tokenShown: true, possiblySpent: false, facts: FlowFacts()))
        #expect(state.cancelMessage.contains("run lastfm-auth again to resume"))
        #expect(FlowRules.cancelled(tokenShown: true, possiblySpent: false, facts: FlowFacts(sandbox: true)) == "Cancelled.")
    }

    @Test("a resumed token's age, and the hint that it may be spent (each front names its own way to a new token)")
    func resumedAndSpent() {
        let resumed = TokenGrant(token: TestCredentials.token, age: .milliseconds(239_900), resumed: true,
                                 authorizeURL: "https://www.last.fm/api/auth/?api_key=\(TestCredentials.apiKey)&token=\(TestCredentials.token)")
        var narrator = PlainNarrator(verbose: false)
        let shown = narrator.lines(showing: resumed, on: .lastfm, schedule: PollingSchedule(), interactive: false)
        let age = Duration.milliseconds(239_900) + .seconds(181)
        let wait = WaitState.waiting(lastCheck: age, nextCheck: age + .seconds(3))
        let hint = narrator.lines(for: wait, of: resumed)
        var state = WizardState(profileName: "default", apiKey: TestCredentials.apiKey, secret: TestCredentials.secret)
        state.step = .fetchingToken
        for event: WizardEvent in [.tokenReceived(resumed), .waitChanged(wait), .tick(tokenAge: age)] { _ = WizardReducer.reduce(&state, event) }
        let screen = flattened(WizardView(state: state).render(width: 200, height: 60).text)
        #expect(shown[0] == "Resumed the token from an earlier run (3 min old).")
        #expect(screen.contains(shown[0]))
        #expect(hint == [Wording.possiblySpent(after: .seconds(181), remedy: .flag)])
        #expect(screen.contains(flattened(Wording.possiblySpent(after: .seconds(181), remedy: .key))))
        let shared = hint[0].components(separatedBy: "press Ctrl-C")[0]
        #expect(screen.contains(flattened(shared)), "the same sentence up to the way out")
    }
}

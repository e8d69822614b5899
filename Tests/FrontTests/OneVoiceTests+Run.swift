import Glibc
import LastFMAuth
import LastFMWizard
import Logging
import Testing
import TestSupport
@testable import lastfm_auth

/// Issue #36: the run's decisions (`RunRules`), played by both fronts in process over the real core
/// and a scripted server: the same move and the same sentence for a saved session, for leaving
/// after the save, and for an address that is a plain web server.
extension OneVoiceTests {
    /// A profile saved before the run, on Last.fm, for `apiKey`.
    static func savedProfile(apiKey: String = TestCredentials.apiKey) -> Profile {
        Profile(service: .lastfm, apiKey: apiKey, apiSecret: TestCredentials.secret, session: Session(username: "alice", key: String(repeating: "5", count: 32)),
                createdAt: "2026-12-01T00:00:00Z")
    }

    /// One saved-session situation: what the profile holds, what the server says of it, whether it is kept.
    struct SavedSituation: Sendable, CustomTestStringConvertible {
        var name: String
        var savedKey: String
        var getInfo: [ScriptedServer.Reply]
        var kept: Bool
        var testDescription: String { name }
    }

    static let savedSituations = [
        SavedSituation(name: "made with another API key: replaced without asking the server", savedKey: String(repeating: "f", count: 32), getInfo: [], kept: false),
        SavedSituation(name: "revoked (error 9): replaced, never offered", savedKey: TestCredentials.apiKey, getInfo: [.error(9, "Invalid session key")], kept: false),
        SavedSituation(name: "the API key refused (10): replaced", savedKey: TestCredentials.apiKey, getInfo: [.error(10, "Invalid API key")], kept: false),
        SavedSituation(name: "works: kept by the plain front, offered and kept with k by the wizard", savedKey: TestCredentials.apiKey,
                       getInfo: [.user("alice")], kept: true),
    ]

    @Test("a saved session: the same decision and sentence in both fronts", arguments: savedSituations)
    func savedSession(_ situation: SavedSituation) async throws {
        let saved = Self.savedProfile(apiKey: situation.savedKey)
        let approved: [ScriptedServer.Reply] = [.session(user: "alice", key: TestCredentials.sessionKey)]
        // The plain front.
        let plainServer = ScriptedServer(getSession: approved, getInfo: situation.getInfo)
        let plain = PlainHarness(server: plainServer, existing: saved)
        let plainEnd = await plain.runToEnd()
        #expect(plainEnd == .success(0))
        // The wizard, from the state the program starts it in.
        let settings = RunSettings(service: .lastfm, serviceGiven: true, apiKey: TestCredentials.apiKey, secret: TestCredentials.secret, profileName: "default",
                                   store: plain.store, existing: saved,
                                   savedSession: RunRules.savedSession(saved, profile: "default", service: .lastfm, apiKey: TestCredentials.apiKey, replace: false),
                                   schedule: PollingSchedule())
        let factory = FlowFactory(transport: plainServer, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), store: plain.store,
                                  profileName: "default", schedule: PollingSchedule(), secretPlace: .file)
        let initial = WizardRuntime(settings: settings, factory: factory, printFormat: nil, environment: ["TERM": "xterm"], sandbox: nil, terminalType: "xterm",
                                    device: .standard, asciiRequested: false).initialState()
        let wizardServer = ScriptedServer(getSession: approved, getInfo: situation.getInfo)
        let wizard = WizardHarness(server: wizardServer, state: initial, presses: [.init(when: "k keep the saved session", key: .character("k"))],
                                   saved: (saved, .lastfm))
        let outcome = await wizard.run()
        #expect(outcome.status == 0)

        // The same decision: kept (no token asked for) or replaced (a new session saved).
        let sentence: String
        if situation.kept {
            sentence = RunRules.afterCheck(.connected(user: "alice"), profile: "default", username: "alice").sentence ?? ""
            #expect(!plainServer.calls.contains("auth.getToken") && !wizardServer.calls.contains("auth.getToken"))
            #expect(outcome.message == Wording.keptSession(username: "alice"))
            #expect(plain.lines.text.contains(Wording.keptSession(username: "alice")))
        } else {
            let move = RunRules.savedSession(saved, profile: "default", service: .lastfm, apiKey: TestCredentials.apiKey, replace: false)
            sentence = move == .check ? RunRules.afterCheck(SessionCheck.classify(Self.error(situation.getInfo[0])), profile: "default", username: "alice").sentence ?? ""
                : move.sentence ?? ""
            #expect(plainServer.calls.contains("auth.getToken") && wizardServer.calls.contains("auth.getToken"))
            #expect(!wizard.everything.contains("keep the saved session"), "a session that cannot serve this run is never offered")
            #expect(outcome.state.step == .done)
        }
        #expect(situation.getInfo.isEmpty == !plainServer.calls.contains("user.getInfo"), "the check only where the session may be kept")
        #expect(plainServer.calls.filter { $0 == "user.getInfo" }.count == wizardServer.calls.filter { $0 == "user.getInfo" }.count)
        // The same words.
        #expect(plain.lines.text.contains(sentence), "plain said:\n\(plain.lines.text)")
        #expect(wizard.everything.contains(flattened(sentence)), "the wizard never said \"\(sentence)\":\n\(Self.distinct(wizard.everything))")
    }

    /// The wizard at `phase`: asking, a token on the screen, saving, or saved.
    static func wizardState(at phase: RunPhase) -> WizardState {
        var state = WizardState(profileName: "default", apiKey: TestCredentials.apiKey, secret: TestCredentials.secret)
        state.step = .fetchingToken
        switch phase {
        case .starting:
            state.step = .apiKey
        case .tokenShown:
            _ = WizardReducer.reduce(&state, .tokenReceived(TokenGrant(token: TestCredentials.token, age: .zero, resumed: false, authorizeURL: "https://www.last.fm/api/auth/?token=x")))
        case .saving:
            state.session = session
            state.step = .saving
        case .saved:
            state.session = session
            state.savedPath = "/tmp/credentials.json"
            state.saveResult = .success(SavedSecrets(place: .file))
            state.step = .done
        }
        return state
    }

    /// The Last.fm error a scripted reply stands for.
    static func error(_ reply: ScriptedServer.Reply) -> AuthError {
        guard case .error(let code, let message) = reply else { return .badResponse("not an error") }
        return .api(code: code, message: message)
    }

    @Test("leaving after the save is the run's end in both fronts: Ctrl-C or a signal while saving or saved exits 0, before it cancels")
    func leavingAfterSave() {
        let facts = FlowFacts()
        for phase in [RunPhase.saved, .saving] {
            var state = Self.wizardState(at: phase)
            let effects = WizardReducer.reduce(&state, .leave(signal: SIGTERM))
            let note = CancelNote()
            note.update(phase, facts: facts)
            note.cancel(signal: SIGINT, exchanges: ExchangeWatch())  // before the fix this exited the test process with 130
            #expect(note.hasLeft)
            switch RunRules.leaving(at: phase, signal: SIGTERM, facts: facts) {
            case .finish: #expect(effects.last.map { if case .quit(0, _) = $0 { true } else { false } } == true, "\(effects)")
            case .finishAfterSave: #expect(effects.isEmpty && state.leaveWhenSaved)
            case .cancel: Issue.record("a cancel after the save")
            }
        }
        // Before the save: the same status and sentence in both.
        var waiting = Self.wizardState(at: .tokenShown(possiblySpent: false))
        let effects = WizardReducer.reduce(&waiting, .leave(signal: SIGTERM))
        let note = CancelNote()
        note.update(.tokenShown(possiblySpent: false), facts: facts)
        #expect(effects.last == .quit(status: 143, message: note.message))
        #expect(note.message == Wording.cancelled(resumable: true))
    }

    @Test("a plain web server at the API root (HTTP 501 or 405 to the API's POST): named at once in both fronts, asked once",
          arguments: [501, 405])
    func webServerAtTheRoot(status: Int) async {
        let plainServer = ScriptedServer(getToken: [.page(status, contentType: "text/html", body: "<html>Unsupported method</html>")], getSession: [])
        let plain = PlainHarness(server: plainServer, terminal: true)
        let plainEnd = await plain.runToEnd()
        let wizardServer = ScriptedServer(getToken: [.page(status, contentType: "text/html", body: "<html>Unsupported method</html>")], getSession: [])
        let wizard = WizardHarness(server: wizardServer, state: WizardState(profileName: "default", apiKey: TestCredentials.apiKey, secret: TestCredentials.secret))
        let outcome = await wizard.run()
        let sentence = FlowRules.next(after: .failed(.httpStatus(status, retryAfter: nil), attempts: 1), facts: FlowFacts(apiRoot: Service.lastfm.apiRoot)).sentence ?? ""
        #expect(plainServer.calls == ["auth.getToken"] && wizardServer.calls == ["auth.getToken"], "never retried")
        #expect(plainEnd == .failure(.failed(sentence)))
        #expect(outcome.state.problem == sentence)
        #expect(sentence.contains("web server that takes no API requests"))
    }
}

extension OneVoiceTests {
    @Test("at a terminal, a refused key or secret is asked for again in the plain front, as the wizard goes back to its field, with the same sentence",
          arguments: [(10, CredentialField.apiKey), (13, .secret)])
    func refusedAskedAgain(code: Int, field: CredentialField) async {
        let refusal: ScriptedServer.Reply = .error(code, code == 10 ? "Invalid API key" : "Invalid method signature")
        let server = ScriptedServer(getToken: [refusal, .token(TestCredentials.token)], getSession: [.session(user: "alice", key: TestCredentials.sessionKey)])
        let wrong = String(repeating: "f", count: 32)
        let plain = PlainHarness(server: server, apiKey: field == .apiKey ? wrong : TestCredentials.apiKey,
                                 secret: field == .secret ? wrong : TestCredentials.secret, terminal: true,
                                 typed: [field == .apiKey ? TestCredentials.apiKey : TestCredentials.secret])
        let end = await plain.runToEnd()
        #expect(end == .success(0), "said:\n\(plain.lines.text)")
        var state = WizardState(profileName: "default", apiKey: TestCredentials.apiKey, secret: TestCredentials.secret)
        state.step = .fetchingToken
        _ = WizardReducer.reduce(&state, .tokenFailed(Self.error(refusal), attempts: 1))
        #expect(state.step == (field == .apiKey ? .apiKey : .secret))
        let sentence = try? #require(state.fieldMessage)
        #expect(plain.lines.all.contains { $0.kind == .line && $0.text == sentence }, "said:\n\(plain.lines.text)")
        #expect(plain.lines.all.contains { $0.kind == .prompt && $0.text == (field == .apiKey ? Wording.Prompt.apiKey : Wording.Prompt.secret) })
        #expect(server.calls.filter { $0 == "auth.getToken" }.count == 2)
    }
}

extension OneVoiceTests {
    @Test("a resumed token on a server that never says a token is spent (GNU FM): the hint at the first check in both fronts; on Last.fm after 3 minutes")
    func spentHintAtOnce() {
        let resumed = TokenGrant(token: TestCredentials.token, age: .seconds(240), resumed: true, authorizeURL: "https://libre.fm/api/auth/?token=x")
        for (service, option, atOnce) in [(Service.librefm, ServiceOption.librefm, true), (.lastfm, .lastfm, false)] {
            let firstCheck = WaitState.waiting(lastCheck: .seconds(243), nextCheck: .seconds(246))
            var narrator = PlainNarrator(verbose: false, serverSaysSpent: service.checksAPIKeys == true)
            let said = narrator.lines(for: firstCheck, of: resumed)
            var state = WizardState(profileName: "default", preselected: option, apiKey: TestCredentials.apiKey, secret: TestCredentials.secret)
            state.step = .fetchingToken
            for event: WizardEvent in [.tokenReceived(resumed), .waitChanged(firstCheck), .tick(tokenAge: .seconds(243))] { _ = WizardReducer.reduce(&state, event) }
            #expect(state.possiblySpent == atOnce, "\(service.displayName)")
            #expect(said == (atOnce ? [Wording.possiblySpent(after: .seconds(3), remedy: .flag)] : []), "\(service.displayName)")
            if atOnce {
                let screen = flattened(WizardView(state: state).render(width: 200, height: 60).text)
                #expect(screen.contains(flattened(Wording.possiblySpent(after: .seconds(3), remedy: .key))))
                #expect(said[0].contains("never says whether a token was already used"))
            }
        }
    }
}

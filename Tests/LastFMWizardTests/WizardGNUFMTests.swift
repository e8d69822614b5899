import LastFMAuth
import LastFMWizard
import Testing
import TestSupport

/// Issue #27 in the wizard: what a person met against a real GNU FM server, step by step.
@Suite("The wizard against a GNU FM server")
struct WizardGNUFMTests {
    typealias R = WizardReducer

    /// A custom server chosen, its root typed, on the custom step.
    static func custom(_ root: String) -> WizardState {
        var state = WizardState(profileName: "default", preselected: .custom)
        state.step = .customServer
        _ = R.reduce(&state, .paste(root))
        return state
    }

    @Test("a derived authorize page follows a corrected API root until the person edits it")
    func derivedPageFollowsRoot() throws {
        var state = Self.custom("https://127.0.0.1:18080/2.0/")
        _ = R.reduce(&state, .key(.tab))
        #expect(state.customAuthPage.text == "https://127.0.0.1:18080/api/auth/")
        _ = R.reduce(&state, .key(.tab))
        state.customRoot.set("")
        _ = R.reduce(&state, .paste("http://localhost:18080/2.0/"))
        _ = R.reduce(&state, .key(.enter))
        _ = R.reduce(&state, .addressProbed(apiRoot: "http://localhost:18080/2.0/", problem: nil))
        #expect(state.step == .apiKey)
        #expect(state.customAuthPage.text == "http://localhost:18080/api/auth/", "the page followed the root")
        #expect(try state.chosenService().get().authPage.text == "http://localhost:18080/api/auth/")

        _ = R.reduce(&state, .key(.escape))
        state.customFocus = 1
        state.customAuthPage.set("http://localhost:18080/gnufm/auth/")
        state.customFocus = 0
        state.customRoot.set("http://127.0.0.1:18080/2.0/")
        _ = R.reduce(&state, .key(.enter))
        #expect(state.customAuthPage.text == "http://localhost:18080/gnufm/auth/", "an edited page is the person's")
    }

    @Test("Esc on the waiting step does nothing: it is not in the key bar, and a slip would cost the token; q still quits")
    func escapeWhileWaiting() {
        var state = Fixtures.authorizing()
        #expect(R.reduce(&state, .key(.escape)).isEmpty && state.step == .authorize)
        #expect(KeyMap.bindings(on: .authorize, sandbox: false).filter { $0.action == .quit }.map(\.label) == ["q"])
        guard case .quit(130, _)? = R.reduce(&state, .key(.character("q"))).last else { Issue.record("q did not quit"); return }
    }

    @Test("--api-root given: the wizard opens past the service list, on the key, or on the secret when the key is given too")
    func serviceGiven() {
        var state = WizardState(profileName: "default", preselected: .custom, serviceGiven: true, customRoot: "http://127.0.0.1:18080/2.0/",
                                customAuthPage: "http://127.0.0.1:18080/api/auth/")
        #expect(R.reduce(&state, .started).isEmpty && state.step == .apiKey)
        var withKey = WizardState(profileName: "default", preselected: .custom, serviceGiven: true, customRoot: "http://127.0.0.1:18080/2.0/",
                                  customAuthPage: "http://127.0.0.1:18080/api/auth/", apiKey: Fixtures.key)
        #expect(R.reduce(&withKey, .started).isEmpty && withKey.step == .secret)
        var badKey = WizardState(profileName: "default", preselected: .librefm, serviceGiven: true, apiKey: "nope")
        #expect(R.reduce(&badKey, .started).isEmpty && badKey.step == .apiKey && badKey.fieldMessage == Wording.fieldRefused(.apiKey, .notHex("n")))
        var notGiven = WizardState(profileName: "default", preselected: .librefm)
        #expect(R.reduce(&notGiven, .started).isEmpty && notGiven.step == .service)
    }

    @Test("a key but no secret for a server that checks none: an empty secret goes on with one made on the spot, said so")
    func keyWithoutSecret() {
        var state = WizardState(profileName: "default", preselected: .librefm, serviceGiven: true, apiKey: Fixtures.key)
        _ = R.reduce(&state, .started)
        #expect(state.step == .secret)
        #expect(flattened(WizardView(state: state).render(width: 120, height: 40).text).contains(Wording.withoutSecret(.librefm)))
        let effects = R.reduce(&state, .key(.enter))
        guard case .requestToken(.librefm, Fixtures.key, let secret, true, false)? = effects.first else { Issue.record("no token request: \(effects)"); return }
        #expect(Credential.normalize(secret) == .success(secret) && state.madeUpSecret)
        #expect(flattened(WizardView(state: state).render(width: 120, height: 40).text).contains(Wording.madeUpSecret(.librefm)))
        _ = R.reduce(&state, .key(.escape))
        #expect(state.step == .secret && state.secret.text.isEmpty, "back: the made-up secret was never the person's")

        var lastfm = WizardState(profileName: "default", preselected: .lastfm, serviceGiven: true, apiKey: Fixtures.key)
        _ = R.reduce(&lastfm, .started)
        #expect(R.reduce(&lastfm, .key(.enter)).isEmpty && lastfm.fieldMessage == "The shared secret is empty.", "Last.fm checks secrets")
    }

    @Test("a TLS failure at a typed address goes back to the address, with the reason; nothing made up is left in the fields")
    func backToAddress() {
        var state = Self.custom("127.0.0.1:18080")
        _ = R.reduce(&state, .key(.enter))
        // The address's probe met nothing definite (a blip): the token request meets the TLS failure.
        _ = R.reduce(&state, .addressProbed(apiRoot: "https://127.0.0.1:18080/2.0/", problem: nil))
        _ = R.reduce(&state, .key(.enter))
        #expect(state.madeUpCredentials && state.step == .fetchingToken)
        let handshake = AuthError.transport(TransportError(.handshake, "the TLS handshake failed"))
        _ = R.reduce(&state, .tokenFailed(handshake, attempts: 1))
        #expect(state.step == .customServer && state.customFocus == 0)
        #expect(state.fieldMessage?.contains("type its address as http://127.0.0.1:18080/2.0/") == true)
        #expect(state.apiKey.text.isEmpty && state.secret.text.isEmpty && !state.madeUpCredentials)
        #expect(flattened(WizardView(state: state).render(width: 120, height: 40).text).contains("If the server speaks plain HTTP"))
    }

    @Test("the probe of a typed address: no API there (a web server's 501, no TLS) goes back to the address before the key is asked; an API's error goes on; a late answer for another address is ignored")
    func addressProbe() throws {
        for (problem, back) in [(AuthError.httpStatus(501, retryAfter: nil), true), (.transport(TransportError(.handshake, "the TLS handshake failed")), true),
                                (.webPage(status: 200), true), (.transport(TransportError(.unreachable, "refused")), false)] {
            var state = Self.custom("127.0.0.1:18080")
            let effects = R.reduce(&state, .key(.enter))
            guard case .probeAddress(let service)? = effects.first else { Issue.record("no probe: \(effects)"); continue }
            #expect(WizardView(state: state).render(width: 120, height: 40).text.contains(Wording.checkingAddress(service.apiRoot)))
            _ = R.reduce(&state, .addressProbed(apiRoot: "https://elsewhere.example.org/2.0/", problem: problem))
            #expect(state.probingAddress, "another address's answer is not this one's")
            _ = R.reduce(&state, .addressProbed(apiRoot: service.apiRoot.text, problem: problem))
            #expect(state.step == (back ? .customServer : .apiKey), "\(problem)")
            if back { #expect(state.fieldMessage == Wording.noAPIAt(service.apiRoot, problem)) }
        }
    }

    @Test("starting over from the problem step shows the key and secret as the person left them: nothing made on the spot")
    func startOverForgetsMadeUp() {
        var state = WizardState(profileName: "default", preselected: .librefm)
        _ = R.reduce(&state, .key(.enter))
        _ = R.reduce(&state, .key(.enter))
        _ = R.reduce(&state, .tokenFailed(.api(code: 3, message: "Invalid method"), attempts: 1))
        #expect(state.step == .problem)
        _ = R.reduce(&state, .key(.enter))
        #expect(state.step == .apiKey && state.apiKey.text.isEmpty && state.secret.text.isEmpty && !state.madeUpCredentials)
    }

    @Test("going on without an API account again, while the earlier run's token can be resumed: its made-up key and secret, said so")
    func earlierMadeUpCredentials() {
        let earlier = MadeUpCredentials(apiKey: Credential.madeUp().apiKey, secret: Credential.madeUp().secret)
        var state = WizardState(profileName: "default", preselected: .librefm)
        state.earlierMadeUpCredentials = [Service.librefm.apiRoot.text: earlier]
        _ = R.reduce(&state, .key(.enter))
        let effects = R.reduce(&state, .key(.enter))
        #expect(effects.first == .requestToken(service: .librefm, apiKey: earlier.apiKey, secret: earlier.secret, allowResume: true, madeUp: true))
        #expect(flattened(WizardView(state: state).render(width: 120, height: 40).text).contains(Wording.madeUpCredentials(.librefm, resumed: true)))
    }

    @Test("the wait's trouble line has no stray full stop before the time left; the done screen knows --print was given")
    func wording() {
        var state = Fixtures.authorizing()
        let trouble = AuthError.transport(TransportError(.unreachable, "could not connect to 127.0.0.1:18080: connection refused"))
        _ = R.reduce(&state, .waitChanged(.retrying(problem: trouble, failures: 1, lastCheck: .seconds(600), nextCheck: .seconds(601))))
        let screen = flattened(WizardView(state: state).render(width: 120, height: 40).text)
        #expect(screen.contains("Checking again in 1 s (token valid for 50 min)."), "screen: \(screen)")
        #expect(!screen.contains(". ·") && !screen.contains(". -"))

        var done = Fixtures.state(.saving)
        done.printing = "env"
        done.session = Fixtures.session
        _ = R.reduce(&done, .saved(path: "/tmp/credentials.json", secrets: SavedSecrets(place: .file, keyringProblem: nil)))
        let doneScreen = flattened(WizardView(state: done).render(width: 120, height: 40).text)
        #expect(doneScreen.contains("The credentials are printed on standard output when you exit (--print env)."))
        #expect(!doneScreen.contains("Add --print env"))
    }
}

import LastFMAuth
import LastFMWizard
import Testing
import TestSupport

@Suite("The wizard's reducer: every step and every error path")
struct WizardReducerTests {
    typealias R = WizardReducer

    @Test("a saved session is offered first: k keeps it and exits 0, r goes on to the service")
    func existing() {
        var state = WizardState(profileName: "default", existingUsername: "alice")
        #expect(state.step == .existing)
        var kept = state
        #expect(R.reduce(&kept, .key(.character("k"))) == [.quit(status: 0, message: "Kept the saved session for alice.")])
        #expect(R.reduce(&state, .key(.character("r"))) == [])
        #expect(state.step == .service)
    }

    @Test("the service list moves with arrows and digits; custom asks for addresses, checked for HTTPS")
    func services() throws {
        var state = WizardState(profileName: "default")
        _ = R.reduce(&state, .key(.down))
        #expect(state.selectedService == .librefm)
        _ = R.reduce(&state, .key(.character("3")))
        #expect(state.selectedService == .custom)
        _ = R.reduce(&state, .key(.enter))
        #expect(state.step == .customServer)
        _ = R.reduce(&state, .paste("  http://gnufm.example.org/2.0/\n"))
        _ = R.reduce(&state, .key(.tab))
        _ = R.reduce(&state, .paste("https://gnufm.example.org/api/auth/"))
        _ = R.reduce(&state, .key(.enter))
        #expect(state.step == .customServer)
        #expect(state.fieldMessage?.contains("use https://") == true)
        _ = R.reduce(&state, .key(.tab))
        for _ in 0..<4 { _ = R.reduce(&state, .key(.home)) }
        _ = R.reduce(&state, .key(.right)); _ = R.reduce(&state, .key(.right)); _ = R.reduce(&state, .key(.right)); _ = R.reduce(&state, .key(.right))
        _ = R.reduce(&state, .key(.character("s")))
        #expect(state.customRoot.text == "https://gnufm.example.org/2.0/")
        // Issue #36: before the key is asked, the address is asked whether an API answers there.
        #expect(R.reduce(&state, .key(.enter)) == [.probeAddress(try #require(try? state.chosenService().get()))])
        #expect(state.step == .customServer && state.probingAddress)
        _ = R.reduce(&state, .addressProbed(apiRoot: "https://gnufm.example.org/2.0/", problem: nil))
        #expect(state.step == .apiKey)
        _ = R.reduce(&state, .key(.escape))
        #expect(state.step == .customServer)
    }

    @Test("the key field: typing, pasting with stray whitespace, inline refusal, then on to the secret")
    func keyField() {
        var state = Fixtures.state(.apiKey)
        state.apiKey.set("")
        for character in "0123" { _ = R.reduce(&state, .key(.character(character))) }
        _ = R.reduce(&state, .key(.enter))
        #expect(state.step == .apiKey)
        #expect(state.fieldMessage == "The API key has 4 characters; it should have 32.")
        _ = R.reduce(&state, .key(.control("u")))
        #expect(state.fieldMessage == nil)
        _ = R.reduce(&state, .paste("\n  0123456789ABCDEF0123456789abcdef \n"))
        _ = R.reduce(&state, .key(.enter))
        #expect(state.step == .secret)
        #expect(state.apiKey.text == Fixtures.key)
    }

    @Test("the secret is revealed only on request, and Enter asks for a token")
    func secretField() {
        var state = Fixtures.state(.secret)
        #expect(!state.secretRevealed)
        _ = R.reduce(&state, .key(.control("r")))
        #expect(state.secretRevealed)
        let effects = R.reduce(&state, .key(.enter))
        #expect(effects == [.requestToken(service: .lastfm, apiKey: Fixtures.key, secret: Fixtures.secret, allowResume: true)])
        #expect(state.step == .fetchingToken)
    }

    @Test("a refused key goes back to the key field, a refused signature to the secret field")
    func refusedCredentials() {
        var state = Fixtures.state(.fetchingToken)
        let refusedKey = AuthError.api(code: 10, message: "Invalid API key")
        _ = R.reduce(&state, .tokenFailed(refusedKey, attempts: 1))
        #expect(state.step == .apiKey)
        #expect(state.fieldMessage == Wording.keyRefused(refusedKey))
        state.step = .fetchingToken
        _ = R.reduce(&state, .tokenFailed(.api(code: 13, message: "Invalid method signature supplied"), attempts: 1))
        #expect(state.step == .secret)
        #expect(state.fieldMessage == Wording.secretRefused)
    }

    @Test("network trouble while getting a token is shown as the core retries it; r ends the pause, Esc goes back")
    func tokenRetries() {
        var state = Fixtures.state(.fetchingToken)
        #expect(R.reduce(&state, .key(.character("r"))) == [], "nothing to hurry before any trouble")
        let trouble = AuthError.transport(TransportError(.connection, "could not reach the server"))
        #expect(R.reduce(&state, .tokenTrouble(trouble, failures: 1, delay: .milliseconds(2_500))) == [])
        #expect(state.tokenRequest == .retrying(problem: trouble, failures: 1, delay: .milliseconds(2_500)))
        #expect(R.reduce(&state, .key(.character("r"))) == [.retryTokenNow])
        #expect(R.reduce(&state, .key(.escape)) == [.cancelTokenRequest])
        #expect(state.step == .secret)
    }

    @Test("other refusals end on the problem screen")
    func tokenProblem() {
        var state = Fixtures.state(.fetchingToken)
        _ = R.reduce(&state, .tokenFailed(.transport(TransportError(.tls, "the secure connection failed")), attempts: 1))
        #expect(state.step == .problem)
        #expect(state.problem == "Could not get a token: the secure connection failed.")
        _ = R.reduce(&state, .key(.enter))
        #expect(state.step == .apiKey)
    }

    @Test("on the authorize step: open, copy, check now, focus, new token, quit")
    func authorizeKeys() {
        var state = Fixtures.authorizing()
        let url = Fixtures.grant.authorizeURL
        #expect(R.reduce(&state, .key(.character("o"))) == [.openBrowser(url)])
        #expect(R.reduce(&state, .key(.character("c"))) == [.copy(url)])
        #expect(R.reduce(&state, .key(.enter)) == [.checkNow])
        #expect(R.reduce(&state, .focusIn) == [.checkNow])
        #expect(R.reduce(&state, .key(.character("a"))) == [], "approving by key is for the sandbox only")
        var renewed = state
        #expect(R.reduce(&renewed, .key(.character("n"))) == [.stopWaiting, .requestToken(service: .lastfm, apiKey: Fixtures.key, secret: Fixtures.secret, allowResume: false)])
        #expect(R.reduce(&state, .key(.character("q"))) == [.stopWaiting, .quit(status: 130, message: "Cancelled. The token stays valid for a while: run lastfm-auth again to resume.")])
        var sandbox = Fixtures.authorizing(sandbox: true)
        #expect(R.reduce(&sandbox, .key(.character("a"))) == [.approveInSandbox(token: Fixtures.token)])
    }

    @Test("approval saves, and the done screen exits 0 with a summary")
    func approvedAndSaved() {
        var state = Fixtures.authorizing()
        #expect(R.reduce(&state, .waitChanged(.authorized(Fixtures.session))) == [.save(Fixtures.session, service: .lastfm, apiKey: Fixtures.key, secret: Fixtures.secret)])
        #expect(state.step == .saving)
        _ = R.reduce(&state, .saved(path: "/home/a/.config/lastfm-auth/credentials.json", secrets: SavedSecrets(place: .keyring)))
        #expect(state.step == .done)
        #expect(R.reduce(&state, .key(.character("x"))) == [.quit(status: 0, message: "Authorized as alice.\nSaved profile \"default\" to /home/a/.config/lastfm-auth/credentials.json.\nThe shared secret and session key are in the keyring (Secret Service), not in the file.")])
    }

    @Test("a locked keyring with a display: the done screen offers its prompt; Esc keeps the secrets in the file and stays; the answer is shown and said on exit")
    func keyringPrompt() {
        var state = Fixtures.authorizing()
        state.hasDisplay = true
        _ = R.reduce(&state, .waitChanged(.authorized(Fixtures.session)))
        let locked = SavedSecrets(place: .file, keyringProblem: .locked("its password is needed to unlock it"))
        #expect(R.reduce(&state, .saved(path: "/c.json", secrets: locked)) == [.unlockKeyring])
        #expect(state.step == .done && state.keyringPrompt == .unlock)
        #expect(R.reduce(&state, .key(.escape)) == [.keepSecretsInFile])
        #expect(state.step == .done, "Esc stays on the done screen until the answer comes")
        _ = R.reduce(&state, .keyringAnswered(.keptInFile))
        #expect(state.keyringPrompt == nil && state.keyringAnswer == .keptInFile)
        guard case .quit(0, let message?) = R.reduce(&state, .key(.enter)).first else { Issue.record("no quit"); return }
        #expect(message.hasSuffix("The secrets stay in the file (mode 0600). To move them later: lastfm-auth move keyring --profile default"))

        var moved = Fixtures.authorizing()
        moved.hasDisplay = true
        _ = R.reduce(&moved, .waitChanged(.authorized(Fixtures.session)))
        _ = R.reduce(&moved, .saved(path: "/c.json", secrets: locked))
        _ = R.reduce(&moved, .keyringAnswered(.moved))
        #expect(moved.saveResult == .success(SavedSecrets(place: .keyring)), "the summary says the keyring")

        var noDisplay = Fixtures.authorizing()
        _ = R.reduce(&noDisplay, .waitChanged(.authorized(Fixtures.session)))
        #expect(R.reduce(&noDisplay, .saved(path: "/c.json", secrets: locked)) == [], "without a display nothing is started")
    }

    @Test("leaving the done screen while the keyring's window is out withdraws it first")
    func leavingWithdraws() {
        var state = Fixtures.authorizing()
        state.hasDisplay = true
        _ = R.reduce(&state, .waitChanged(.authorized(Fixtures.session)))
        _ = R.reduce(&state, .saved(path: "/c.json", secrets: SavedSecrets(place: .file, keyringProblem: .noDefaultCollection)))
        let effects = R.reduce(&state, .key(.enter))
        #expect(effects.first == .keepSecretsInFile && effects.count == 2)
        guard case .quit(0, let message?) = effects.last else { Issue.record("no quit"); return }
        #expect(message.contains("The secrets stay in the file (mode 0600)."))
    }

    @Test("if saving fails, exiting prints the session key and the status is 1")
    func saveFailed() {
        var state = Fixtures.authorizing()
        _ = R.reduce(&state, .waitChanged(.authorized(Fixtures.session)))
        _ = R.reduce(&state, .saveFailed(.system(path: "/x", operation: .write, message: "No space left on device")))
        guard case .quit(1, let message?) = R.reduce(&state, .key(.enter)).first else {
            Issue.record("no quit with status 1")
            return
        }
        #expect(message.contains(Fixtures.session.key))
        #expect(message.contains("No space left on device"))
    }

    @Test("expiry and refusal end on the problem screen; n there gets a new token")
    func waitProblems() {
        var state = Fixtures.authorizing()
        _ = R.reduce(&state, .waitChanged(.expired))
        #expect(state.step == .problem)
        #expect(state.problem == "The token expired before it was approved.")
        #expect(R.reduce(&state, .key(.character("n"))).last == .requestToken(service: .lastfm, apiKey: Fixtures.key, secret: Fixtures.secret, allowResume: false))
        var denied = Fixtures.authorizing()
        _ = R.reduce(&denied, .waitChanged(.failed(.api(code: 4, message: "The user denied access"))))
        #expect(denied.problem?.hasPrefix("Access was not granted") == true)
        #expect(R.reduce(&denied, .key(.character("q"))).last == .quit(status: 1, message: denied.problem))
    }

    @Test("Ctrl-C quits with 130 from every step before the save; while saving it waits for the save; ? opens help and any key closes it")
    func globalKeys() {
        for step in [WizardStep.checkingSaved, .existing, .service, .customServer, .apiKey, .secret, .fetchingToken, .authorize, .problem] {
            var state = Fixtures.state(step)
            #expect(R.reduce(&state, .key(.control("c"))) == [.stopWaiting, .quit(status: 130, message: state.cancelMessage)])
        }
        // Issue #36: once the session is being saved, leaving is the run's end, not a cancel.
        var saving = Fixtures.state(.saving)
        #expect(R.reduce(&saving, .key(.control("c"))) == [])
        #expect(saving.leaveWhenSaved)
        var state = Fixtures.state(.service)
        _ = R.reduce(&state, .key(.character("?")))
        #expect(state.showHelp)
        _ = R.reduce(&state, .key(.down))
        #expect(!state.showHelp)
        #expect(state.selectedService == .lastfm, "the key that closes help does nothing else")
    }

    @Test("a signal right after the session's answer was read (the effects post it at once, ahead of the signal): the session is saved, then the run ends with 0; the stream's later copy is ignored")
    func signalRightAfterTheAnswer() {
        var state = Fixtures.authorizing()
        let save = R.reduce(&state, .waitChanged(.authorized(Fixtures.session)))
        #expect(save.contains { if case .save = $0 { true } else { false } }, "\(save)")
        #expect(state.step == .saving)
        #expect(R.reduce(&state, .leave(signal: 2)) == [])
        #expect(state.leaveWhenSaved)
        #expect(R.reduce(&state, .waitChanged(.authorized(Fixtures.session))) == [], "the stream's copy saves nothing twice")
        let end = R.reduce(&state, .saved(path: "/c.json", secrets: SavedSecrets(place: .file)))
        #expect(end.contains { if case .quit(status: 0, _) = $0 { true } else { false } }, "\(end)")
    }

    @Test("late results for an earlier step are ignored")
    func staleResults() {
        var state = Fixtures.state(.secret)
        #expect(R.reduce(&state, .tokenReceived(Fixtures.grant)) == [])
        #expect(state.step == .secret)
        #expect(R.reduce(&state, .waitChanged(.authorized(Fixtures.session))) == [])
    }

    @Test("Ctrl-L asks for a full redraw on every step, even over help, and changes nothing else",
          arguments: [WizardStep.existing, .service, .customServer, .apiKey, .secret, .fetchingToken, .authorize, .saving, .done, .problem])
    func redraw(step: WizardStep) {
        for showHelp in [false, true] {
            var state = Fixtures.state(step)
            state.showHelp = showHelp
            let before = state
            #expect(WizardReducer.reduce(&state, .key(.control("l"))) == [.redraw])
            #expect(state == before)
        }
    }

    /// Issue #13: with everything given, the wizard starts at the token request.
    @Test("started with server, key and secret given goes straight to the token; otherwise, or with a saved session, it stays")
    func startedWithEverythingGiven() {
        var given = WizardState(profileName: "default", preselected: .custom, serviceGiven: true, customRoot: "https://gnufm.example.org/2.0/",
                                customAuthPage: "https://gnufm.example.org/api/auth/", apiKey: Fixtures.key, secret: Fixtures.secret)
        let effects = WizardReducer.reduce(&given, .started)
        #expect(given.step == .fetchingToken)
        guard case .requestToken(_, let key, _, let allowResume, _)? = effects.first else { Issue.record("no token request: \(effects)"); return }
        #expect(key == Fixtures.key && allowResume)
        #expect(WizardReducer.reduce(&given, .key(.escape)) == [.cancelTokenRequest] && given.step == .secret, "Esc goes back to the secret")

        var notGiven = WizardState(profileName: "default", apiKey: Fixtures.key, secret: Fixtures.secret)
        #expect(WizardReducer.reduce(&notGiven, .started).isEmpty && notGiven.step == .service)
        // Issue #27 changed this one: a given key that cannot be right now opens its field with the reason (it stayed on the service list).
        var badKey = WizardState(profileName: "default", serviceGiven: true, apiKey: "nope", secret: Fixtures.secret)
        #expect(WizardReducer.reduce(&badKey, .started).isEmpty && badKey.step == .apiKey && badKey.fieldMessage != nil)
        var saved = WizardState(profileName: "default", existingUsername: "alice", serviceGiven: true, apiKey: Fixtures.key, secret: Fixtures.secret)
        #expect(WizardReducer.reduce(&saved, .started).isEmpty && saved.step == .existing, "the saved session is asked about first")
    }

    /// Issue #19: `/2.0` ended the run on a redirect, and an empty authorize page was "not an address".
    @Test("the custom step completes the API root and derives an empty authorize page, shown in the fields before any request")
    func customAddressesCompleted() throws {
        var state = WizardState(profileName: "default")
        state.selectedService = .custom
        state.step = .customServer
        _ = R.reduce(&state, .paste("http://127.0.0.1:8080/2.0"))
        _ = R.reduce(&state, .key(.tab))
        #expect(state.customRoot.text == "http://127.0.0.1:8080/2.0/")
        #expect(state.customAuthPage.text == "http://127.0.0.1:8080/api/auth/", "shown, and editable, in its field")
        _ = R.reduce(&state, .key(.control("u")))
        _ = R.reduce(&state, .paste("http://127.0.0.1:8080/gnufm/auth/"))
        _ = R.reduce(&state, .key(.enter))
        _ = R.reduce(&state, .addressProbed(apiRoot: "http://127.0.0.1:8080/2.0/", problem: nil))
        #expect(state.step == .apiKey)
        #expect(try state.chosenService().get().authPage.text == "http://127.0.0.1:8080/gnufm/auth/", "an edited page is kept")
    }

    /// Issue #19: Libre.fm and GNU FM check neither key nor signature, yet the wizard asked for both.
    @Test("Libre.fm: an empty key goes on without an API account (made-up key and secret, said so); a 10 then asks for real ones")
    func withoutAPIAccount() {
        var state = WizardState(profileName: "default", preselected: .librefm)
        _ = R.reduce(&state, .key(.enter))
        #expect(state.step == .apiKey)
        let keyScreen = flattened(WizardView(state: state).render(width: 120, height: 40).text)
        #expect(keyScreen.contains(Wording.withoutAPIAccount(.librefm, keyStep: true)))
        let effects = R.reduce(&state, .key(.enter))
        guard case .requestToken(.librefm, let key, let secret, true, true)? = effects.first else { Issue.record("no token request: \(effects)"); return }
        #expect(Credential.normalize(key) == .success(key) && Credential.normalize(secret) == .success(secret) && key != secret)
        #expect(state.madeUpCredentials)
        #expect(flattened(WizardView(state: state).render(width: 120, height: 40).text).contains(Wording.madeUpCredentials(.librefm)))
        let refused = AuthError.api(code: 10, message: "Invalid API key")
        _ = R.reduce(&state, .tokenFailed(refused, attempts: 1))
        #expect(state.step == .apiKey && state.apiKey.text.isEmpty && state.secret.text.isEmpty && !state.madeUpCredentials)
        #expect(state.fieldMessage == Wording.realCredentialsNeeded(refused))

        var lastfm = WizardState(profileName: "default")
        _ = R.reduce(&lastfm, .key(.enter))
        #expect(!flattened(WizardView(state: lastfm).render(width: 120, height: 40).text).contains("without an API account"))
        #expect(R.reduce(&lastfm, .key(.enter)).isEmpty && lastfm.fieldMessage == "The API key is empty.", "Last.fm checks keys: one is needed")
    }

    /// Issue #30: a session handed to an app (`--for`) is of no use with a made-up key.
    @Test("--for an app on Libre.fm: an empty key is refused, not made up, and going on without an account is not offered")
    func forAppNeedsAPIAccount() {
        var state = WizardState(profileName: "rescrobbled", preselected: .librefm)
        state.handingTo = "rescrobbled"
        _ = R.reduce(&state, .key(.enter))
        #expect(state.step == .apiKey)
        #expect(!flattened(WizardView(state: state).render(width: 120, height: 40).text).contains("without an API account"))
        #expect(R.reduce(&state, .key(.enter)).isEmpty && state.fieldMessage == "The API key is empty." && !state.madeUpCredentials)
    }

    @Test("--for APP: what the app's settings lack is said on the key and secret steps, as the plain front says it before its prompts")
    func forAppNoteOnFields() {
        var state = WizardState(profileName: "rescrobbled", preselected: .librefm)
        state.handingTo = "rescrobbled"
        state.appNote = "rescrobbled's settings have no API key or secret yet: the ones you give are written there for it."
        _ = R.reduce(&state, .key(.enter))
        #expect(state.step == .apiKey)
        #expect(flattened(WizardView(state: state).render(width: 120, height: 40).text).contains(state.appNote!))
        state.step = .secret
        #expect(flattened(WizardView(state: state).render(width: 120, height: 40).text).contains(state.appNote!))
        state.appNote = nil
        #expect(!flattened(WizardView(state: state).render(width: 120, height: 40).text).contains("settings have no API key"))
    }
}

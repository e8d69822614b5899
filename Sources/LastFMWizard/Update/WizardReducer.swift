import LastFMAuth

/// The wizard's only logic: `reduce(&state, event)` changes the state and returns effects to run.
/// What happens next in the flow is the core's `FlowRules`' decision; this renders it as steps.
public enum WizardReducer {
    /// Applies `event` to `state`; returns the effects for the runtime to run, in order.
    public static func reduce(_ state: inout WizardState, _ event: WizardEvent) -> [WizardEffect] {
        switch event {
        case .started:
            return state.step == .checkingSaved ? [.checkSavedSession] : skipWhatWasGiven(state: &state)
        case .savedSessionChecked(let check):
            guard state.step == .checkingSaved else { return [] }
            switch RunRules.afterCheck(check, profile: state.profileName, username: state.existingUsername ?? "") {
            case .keep(let sentence):
                state.savedNote = sentence
                state.step = .existing
                return []
            case .replace(let sentence):
                state.startNote = sentence
            case .none, .check:
                break
            }
            state.existingUsername = nil
            state.step = .service
            return skipWhatWasGiven(state: &state)
        case .leave(let signal):
            return leave(signal: signal, state: &state)
        case .addressProbed(let root, let problem):
            guard state.step == .customServer, state.probingAddress, (try? state.chosenService().get())?.apiRoot.text == root else { return [] }
            state.probingAddress = false
            if let move = RunRules.afterProbe(problem, facts: state.facts) { return follow(move, state: &state) }
            state.step = .apiKey
            return []
        case .key(let key):
            return handle(key: key, state: &state)
        case .paste(let text):
            return paste(text, state: &state)
        case .focusIn:
            return state.step == .authorize ? [.checkNow] : []
        case .tick(let age, let sinceTrouble):
            if let age { state.tokenAge = age }
            if let sinceTrouble { state.sinceTrouble = sinceTrouble }
            state.spinner &+= 1
            return []
        case .tokenReceived(let grant):
            guard state.step == .fetchingToken else { return [] }
            return follow(FlowRules.next(after: .received(grant), facts: state.facts), state: &state)
        case .tokenTrouble(let error, let failures, let delay):
            guard state.step == .fetchingToken else { return [] }
            state.tokenRequest = .retrying(problem: error, failures: failures, delay: delay)
            state.sinceTrouble = .zero
            return []
        case .tokenFailed(let error, let attempts):
            guard state.step == .fetchingToken else { return [] }
            state.tokenRequest = nil
            return follow(FlowRules.next(after: .failed(error, attempts: attempts), facts: state.facts), state: &state)
        case .waitChanged(let wait):
            guard state.step == .authorize, let grant = state.grant else { return [] }
            if let news = FlowRules.news(from: state.wait, to: wait) { state.notice = news }
            else if case .waiting = wait, state.notice == WizardText.checkingNow { state.notice = nil }
            state.wait = wait
            return follow(FlowRules.next(after: wait, of: grant, facts: state.facts), state: &state)
        case .saved(let path, let secrets):
            state.savedPath = path
            state.saveResult = .success(secrets)
            state.step = .done
            // The person left while it was saved: the run ends now, as Enter on the done screen would.
            if state.leaveWhenSaved { return exit(state) }
            guard let request = KeyringUnlock.offered(after: secrets, display: state.hasDisplay, attended: true) else { return [] }
            state.keyringPrompt = request
            return [.unlockKeyring]
        case .keyringAnswered(let outcome):
            state.keyringPrompt = nil
            state.keyringAnswer = outcome
            if outcome == .moved { state.saveResult = .success(SavedSecrets(place: .keyring)) }
            return []
        case .saveFailed(let error):
            state.saveResult = .failure(error)
            state.step = .done
            return state.leaveWhenSaved ? exit(state) : []
        case .notice(let text):
            state.notice = Sanitizer.clean(text)
            return []
        }
    }

    // MARK: Keys

    private static func handle(key: Key, state: inout WizardState) -> [WizardEffect] {
        if key == .control("c") { return leave(signal: nil, state: &state) }
        // Ctrl-L: another program wrote over the screen; draw all of it again, on every step.
        if key == .control("l") { return [.redraw] }
        if state.showHelp {
            state.showHelp = false
            return []
        }
        let action = KeyMap.action(for: key, on: state.step, sandbox: state.isSandbox)
        // While the keyring's window is out, Esc keeps the secrets in the file and stays here.
        if state.step == .done, state.keyringPrompt != nil, key == .escape { return [.keepSecretsInFile] }
        // On the done step every key but ? exits (the summary stays in the scrollback).
        if state.step == .done, action != .toggleHelp { return exit(state) }
        if let action { return perform(action, state: &state) }
        switch state.step {
        case .customServer:
            state.fieldMessage = nil
            state.probingAddress = false
            if state.customFocus == 0 { state.customRoot.edit(key) } else { state.customAuthPage.edit(key) }
        case .apiKey:
            if state.apiKey.edit(key) { state.fieldMessage = nil }
        case .secret:
            if state.secret.edit(key) { state.fieldMessage = nil }
        case .service:
            if case .character(let digit) = key, let number = digit.wholeNumberValue, (1...state.serviceOptions.count).contains(number) {
                state.selectedService = state.serviceOptions[number - 1]
            }
        default:
            break
        }
        return []
    }

    private static func paste(_ text: String, state: inout WizardState) -> [WizardEffect] {
        // Keys and secrets are pasted with stray spaces and line breaks; addresses too.
        let cleaned = text.trimmingWhitespace()
        switch state.step {
        case .customServer where state.customFocus == 0: state.customRoot.insert(cleaned)
        case .customServer: state.customAuthPage.insert(cleaned)
        case .apiKey: state.apiKey.insert(cleaned)
        case .secret: state.secret.insert(cleaned)
        default: return []
        }
        state.fieldMessage = nil
        return []
    }

    private static func perform(_ action: WizardAction, state: inout WizardState) -> [WizardEffect] {
        switch action {
        case .toggleHelp:
            state.showHelp = true
        case .quit:
            if state.step == .problem { return [.stopWaiting, .quit(status: ExitStatus.failed.rawValue, message: state.problem)] }
            return leave(signal: nil, state: &state)
        case .keepExisting:
            return [.quit(status: ExitStatus.success.rawValue, message: Wording.keptSession(username: state.existingUsername ?? state.profileName))]
        case .replaceExisting:
            state.step = .service
            return skipWhatWasGiven(state: &state)
        case .moveUp, .moveDown:
            let options = state.serviceOptions
            let index = options.firstIndex(of: state.selectedService) ?? 0
            let next = action == .moveUp ? max(0, index - 1) : min(options.count - 1, index + 1)
            state.selectedService = options[next]
        case .switchField:
            if state.customFocus == 0 { state.completeCustomAddresses() }
            state.customFocus = 1 - state.customFocus
        case .reveal:
            state.secretRevealed.toggle()
        case .next:
            return next(state: &state)
        case .back:
            return back(state: &state)
        case .retry:
            // r during a pause tries at once; the request's backoff goes on from there.
            if case .retrying? = state.tokenRequest { return [.retryTokenNow] }
        case .openBrowser:
            if let url = state.grant?.authorizeURL { return [.openBrowser(url)] }
        case .copyURL:
            if let url = state.grant?.authorizeURL { return [.copy(url)] }
        case .checkNow:
            state.notice = WizardText.checkingNow
            return [.checkNow]
        case .newToken:
            state.grant = nil
            state.wait = nil
            state.problem = nil
            return [.stopWaiting] + requestToken(state: &state, allowResume: false)
        case .approveInSandbox:
            if let token = state.grant?.token, state.isSandbox { return [.approveInSandbox(token: token)] }
        }
        return []
    }

    /// Past the steps whose answers flags gave: the service (and a custom server's addresses), then
    /// the key and the secret as far as they were given, each checked as if typed.
    private static func skipWhatWasGiven(state: inout WizardState) -> [WizardEffect] {
        guard state.serviceGiven, state.step == .service else { return [] }
        if state.selectedService == .custom {
            state.step = .customServer
            state.completeCustomAddresses()
            if case .failure(let error) = state.chosenService() {
                state.fieldMessage = error.description
                return []
            }
        }
        state.step = .apiKey
        guard !state.apiKey.text.isEmpty else { return [] }
        let effects = next(state: &state)
        guard state.step == .secret, !state.secret.text.isEmpty else { return effects }
        return next(state: &state)
    }

    private static func next(state: inout WizardState) -> [WizardEffect] {
        state.fieldMessage = nil
        switch state.step {
        case .service:
            state.step = state.selectedService == .custom ? .customServer : .apiKey
        case .customServer:
            state.completeCustomAddresses()
            switch state.chosenService() {
            case .success(let service):
                // Before the key and secret are asked: does an API answer there at all?
                state.probingAddress = true
                return [.probeAddress(service)]
            case .failure(let error): state.fieldMessage = error.description
            }
        case .apiKey where state.apiKey.text.trimmingWhitespace().isEmpty && state.mayGoWithoutAPIAccount:
            // Those an earlier run made for this server, if its token can be resumed: the token is kept under them.
            let root = (try? state.chosenService().get())?.apiRoot.text ?? ""
            let earlier = state.earlierMadeUpCredentials[root]
            let made = earlier ?? Credential.madeUp()
            state.apiKey.set(made.apiKey)
            state.secret.set(made.secret)
            state.madeUpCredentials = true
            state.resumedMadeUpCredentials = earlier != nil
            return requestToken(state: &state, allowResume: true)
        case .apiKey:
            switch Credential.normalize(state.apiKey.text) {
            case .success(let key):
                state.apiKey.set(key)
                state.step = .secret
            case .failure(let problem):
                state.fieldMessage = Wording.fieldRefused(.apiKey, problem)
            }
        case .secret where state.secret.text.trimmingWhitespace().isEmpty && state.mayGoWithoutAPIAccount:
            // A key but no secret, for a server that does not check secrets: make one, as with no key.
            state.secret.set(Credential.madeUp().secret)
            state.madeUpSecret = true
            return requestToken(state: &state, allowResume: true)
        case .secret:
            switch Credential.normalize(state.secret.text) {
            case .success(let secret):
                state.secret.set(secret)
                return requestToken(state: &state, allowResume: true)
            case .failure(let problem):
                state.fieldMessage = Wording.fieldRefused(.secret, problem)
            }
        case .problem:
            state.problem = nil
            state.grant = nil
            state.wait = nil
            // Starting over shows the fields as the person left them: nothing made on the spot.
            forgetMadeUpCredentials(state: &state)
            state.step = .apiKey
        default:
            break
        }
        return []
    }

    private static func back(state: inout WizardState) -> [WizardEffect] {
        state.fieldMessage = nil
        switch state.step {
        case .customServer:
            state.probingAddress = false
            state.step = .service
        case .apiKey: state.step = state.selectedService == .custom ? .customServer : .service
        case .secret: state.step = .apiKey
        case .fetchingToken where state.tokenRequest.map { FlowRules.addressMayBeWrong($0, facts: state.facts) } ?? false:
            // The line says "press Esc to change it" (the address): Esc goes there, not to the secret.
            forgetMadeUpCredentials(state: &state)
            state.step = .customServer
            state.customFocus = 0
            return [.cancelTokenRequest]
        case .fetchingToken where state.madeUpCredentials:
            // The made-up key and secret were never typed: back to the (empty) key field.
            forgetMadeUpCredentials(state: &state)
            state.step = .apiKey
            return [.cancelTokenRequest]
        case .fetchingToken where state.madeUpSecret:
            forgetMadeUpCredentials(state: &state)
            state.step = .secret
            return [.cancelTokenRequest]
        case .fetchingToken:
            state.step = .secret
            return [.cancelTokenRequest]
        default: break
        }
        return []
    }

    private static func requestToken(state: inout WizardState, allowResume: Bool) -> [WizardEffect] {
        guard case .success(let service) = state.chosenService() else {
            state.step = .customServer
            return []
        }
        state.step = .fetchingToken
        state.notice = nil
        state.tokenRequest = nil
        return [.requestToken(service: service, apiKey: state.apiKey.text, secret: state.secret.text, allowResume: allowResume,
                              madeUp: state.madeUpCredentials)]
    }

    // MARK: The core's moves

    /// Renders the move `FlowRules` decided as the wizard's steps and effects.
    private static func follow(_ move: NextMove, state: inout WizardState) -> [WizardEffect] {
        switch move {
        case .carryOn:
            return []
        case .waitFor(let grant):
            state.grant = grant
            state.tokenAge = grant.age
            state.wait = nil
            state.tokenRequest = nil
            // A note made while fetching (why a fresh token was needed) stays with the new token.
            state.notice = grant.resumed ? Wording.resumed(age: grant.age) : state.notice
            // "Resumed the token…" says it now; the start's note (which token is taken up) is done.
            if grant.resumed { state.startNote = nil }
            state.step = .authorize
            return [.startWaiting(grant)]
        case .backToKey(let sentence):
            return backToField(.apiKey, saying: sentence, state: &state)
        case .backToSecret(let sentence):
            // A secret made on the spot was refused: the field is empty again, for the real one.
            forgetMadeUpCredentials(state: &state)
            return backToField(.secret, saying: sentence, state: &state)
        case .realCredentials(let sentence):
            // The server checks keys after all: ask for real ones, as for any other server.
            forgetMadeUpCredentials(state: &state)
            return backToField(.apiKey, saying: sentence, state: &state)
        case .backToAddress(let sentence):
            forgetMadeUpCredentials(state: &state)
            let waiting = state.step == .authorize
            state.grant = nil
            state.wait = nil
            state.notice = nil
            state.step = .customServer
            state.customFocus = 0
            state.fieldMessage = sentence
            return waiting ? [.stopWaiting] : []
        case .freshToken(let sentence):
            state.grant = nil
            state.wait = nil
            let effects = [WizardEffect.stopWaiting] + requestToken(state: &state, allowResume: false)
            state.notice = sentence
            return effects
        case .save(let session):
            state.session = session
            state.step = .saving
            guard case .success(let service) = state.chosenService() else { return [] }
            return [.save(session, service: service, apiKey: state.apiKey.text, secret: state.secret.text)]
        case .stop(let sentence), .tokenExpired(let sentence):
            // The problem step offers a new token (n) and starting over (Enter).
            state.problem = sentence
            state.step = .problem
            return []
        }
    }

    /// Clears a key or secret made on the spot: they were never the person's to see or fix.
    private static func forgetMadeUpCredentials(state: inout WizardState) {
        if state.madeUpCredentials { state.apiKey.set("") }
        if state.madeUpCredentials || state.madeUpSecret { state.secret.set("") }
        state.madeUpCredentials = false
        state.madeUpSecret = false
        state.resumedMadeUpCredentials = false
    }

    /// Back to the key or secret field with the server's refusal under it; the token is dropped.
    private static func backToField(_ field: CredentialField, saying sentence: String, state: inout WizardState) -> [WizardEffect] {
        let waiting = state.step == .authorize
        state.grant = nil
        state.wait = nil
        state.notice = nil
        state.step = field == .apiKey ? .apiKey : .secret
        state.fieldMessage = sentence
        return waiting ? [.stopWaiting] : []
    }

    /// Leaving by Ctrl-C, q, Esc or a signal, as `RunRules.leaving` decides for this point of the run.
    private static func leave(signal: Int32?, state: inout WizardState) -> [WizardEffect] {
        switch RunRules.leaving(at: state.runPhase, signal: signal, facts: state.facts) {
        case .cancel(let status, let message):
            return [.stopWaiting, .quit(status: status, message: message)]
        case .finishAfterSave:
            state.leaveWhenSaved = true
            return []
        case .finish:
            return exit(state)
        }
    }

    /// Leaving the done screen: a keyring prompt still out is withdrawn first (the secrets stay in
    /// the file, and the summary says so).
    private static func exit(_ state: WizardState) -> [WizardEffect] {
        guard state.keyringPrompt != nil else { return [finish(state)] }
        var state = state
        state.keyringPrompt = nil
        state.keyringAnswer = .keptInFile
        return [.keepSecretsInFile, finish(state)]
    }

    /// The exit after the done screen, with a summary that stays in the terminal's scrollback.
    private static func finish(_ state: WizardState) -> WizardEffect {
        guard let session = state.session, let result = state.saveResult else { return .quit(status: ExitStatus.failed.rawValue, message: nil) }
        var lines = Wording.afterSave(session, profile: state.profileName, path: state.savedPath ?? "", result: result).map(\.text)
        if let answer = state.keyringAnswer, answer != .moved { lines.append(Wording.keyringAnswered(answer, profile: state.profileName)) }
        // A line for each sentence, as the plain front says them (the session key, when saving
        // failed, on a line of its own to select and copy); each is wrapped where it is written.
        let status = if case .success = result { ExitStatus.success } else { ExitStatus.failed }
        return .quit(status: status.rawValue, message: lines.joined(separator: "\n"))
    }
}

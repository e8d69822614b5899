import LastFMAuth

/// The line-by-line front: for pipes, scripts, screen readers and `TERM=dumb`. Prompts and
/// progress go to the line sink (standard error), one line per event, in the core's words;
/// standard output only carries `--print`. What happens next is `FlowRules`' move, rendered here.
/// Its seams (a line sink, an input source, a clock) let a test drive the whole flow in process.
struct PlainFront<C: Clock>: Sendable where C.Duration == Duration {
    let settings: RunSettings
    let factory: FlowFactory
    let printFormat: PrintFormat?
    /// Every "not approved yet" said.
    let verbose: Bool
    let sink: any PlainLineSink
    let input: any PlainInputSource
    /// What the pauses between requests sleep on.
    let clock: C
    /// A number in 0..<1 for each backoff; tests pass a constant.
    var jitter: @Sendable () -> Double = { Double.random(in: 0..<1) }
    /// Hands the authorize address to a browser; nil with --no-browser.
    let openBrowser: (@Sendable (String) -> Result<String, BrowserLauncher.Failure>)?
    /// The built-in sandbox's address, with `--sandbox`.
    let sandbox: SandboxAddress?
    /// The sentence saying the sandbox's program ended, if it did since the last call (said once).
    var sandboxEnded: @Sendable () -> String? = { nil }
    /// What Ctrl-C does now: kept at the run's phase.
    let cancelNote: CancelNote

    /// Runs the flow to the end and returns the exit status; a flow that ends without a session throws.
    func run() async throws(CLIError) -> Int32 {
        sink.line(sandbox == nil ? Wording.connecting(settings.service, profile: settings.profileName) : Wording.usingSandbox(apiRoot: settings.service.apiRoot))
        settings.addressNotes.forEach(sink.line)
        settings.resumingNote.map(sink.line)
        var savedSession = settings.savedSession
        if savedSession == .check, let existing = settings.existing {
            savedSession = RunRules.afterCheck(await factory.checkSaved(existing, on: settings.service), profile: settings.profileName,
                                               username: existing.username)
        }
        switch savedSession {
        case .keep(let sentence):
            sink.line(sentence)
            return keep()
        case .replace(let sentence):
            sink.line(sentence)
        case .none, .check:
            break
        }
        // A person at a terminal is watching: trouble is retried for as long as it lasts, and a key
        // or secret the server refuses is asked for again, as the wizard goes back to its field.
        let attended = input.isTerminal
        let checkNow = CheckNowSignal()
        let enter = EnterKey()
        var given = Given(key: settings.apiKey, secret: settings.secret, mayMakeUp: true)
        // A typed address is checked before the key and secret are asked for, as the wizard does.
        if settings.service.isCustom, given.key == nil || given.secret == nil {
            sink.line(Wording.checkingAddress(settings.service.apiRoot))
            if let move = RunRules.afterProbe(await factory.probe(settings.service), facts: FlowFacts(apiRoot: settings.service.apiRoot, addressTyped: true)),
               let sentence = move.sentence {
                throw .failed(sentence)
            }
        }
        var reading = false
        while true {
            let (apiKey, secret, madeUp) = try credentials(given)
            enter.route { checkNow.fire() }
            // One reader of standard input from here on; later questions take their answers from it.
            if attended, !reading {
                input.onEachLine { enter.press() }
                reading = true
            }
            switch try await connect(apiKey: apiKey, secret: secret, madeUp: madeUp, attended: attended, checkNow: checkNow, enter: enter) {
            case .ended(let status):
                return status
            case .askAgain(let field):
                switch field {
                case .apiKey?: given = Given(key: nil, secret: madeUp ? nil : secret, mayMakeUp: true)
                case .secret?: given = Given(key: apiKey, secret: nil, mayMakeUp: true)
                case nil: given = Given(key: nil, secret: nil, mayMakeUp: false)  // made-up ones refused: real ones needed
                }
            }
        }
    }

    /// The key and secret the run has before asking, and whether it may make them up.
    private struct Given {
        var key: String?
        var secret: String?
        var mayMakeUp: Bool
    }

    /// How one attempt with a key and secret ended: the exit status, or a field to ask for again
    /// (nil: both, real ones) where a person can answer.
    private enum Attempt {
        case ended(Int32)
        case askAgain(CredentialField?)
    }

    /// Gets a token with this key and secret, waits for approval and saves the session: `FlowRules`'
    /// moves, rendered as lines. A refusal that the wizard meets by going back to a field asks
    /// again at a terminal and ends the run elsewhere.
    private func connect(apiKey: String, secret: String, madeUp: Bool, attended: Bool, checkNow: CheckNowSignal,
                         enter: EnterKey) async throws(CLIError) -> Attempt {
        let flow = factory.flow(service: settings.service, apiKey: apiKey, secret: secret, madeUp: madeUp)
        let facts = FlowFacts(madeUpCredentials: madeUp, sandbox: sandbox != nil, apiRoot: settings.service.apiRoot,
                              addressTyped: settings.service.isCustom, serverSaysSpent: settings.service.checksAPIKeys == true)
        cancelNote.update(.starting, facts: facts)
        var narrator = PlainNarrator(verbose: verbose, serverSaysSpent: facts.serverSaysSpent)
        var move = await requestToken(flow, allowResume: settings.resumeToken, attended: attended, now: checkNow, narrator: narrator, facts: facts)
        while true {
            switch move {
            case .waitFor(let grant):
                let callback = factory.callback()
                show(grant, flow: flow, callback: callback, narrator: &narrator, interactive: attended)
                cancelNote.update(.tokenShown(possiblySpent: false), facts: facts)
                move = await wait(for: grant, flow: flow, callback: callback, checkNow: checkNow, narrator: &narrator, facts: facts)
            case .freshToken(let sentence):
                sink.line(sentence)
                cancelNote.update(.starting, facts: facts)
                move = await requestToken(flow, allowResume: false, attended: attended, now: checkNow, narrator: narrator, facts: facts)
            case .save(let session):
                return .ended(await finish(with: session, flow: flow, apiKey: apiKey, secret: secret, enter: enter, attended: attended, facts: facts))
            case .realCredentials(let sentence) where attended:
                sink.line(sentence)
                return .askAgain(nil)
            case .realCredentials(let sentence):
                throw .failed(sentence + " " + Wording.giveCredentials)
            case .backToKey(let sentence) where attended:
                sink.line(sentence)
                return .askAgain(.apiKey)
            case .backToSecret(let sentence) where attended:
                sink.line(sentence)
                return .askAgain(.secret)
            case .tokenExpired(let sentence):
                throw .failed(sentence + " " + Wording.runAgainForNewToken)
            case .backToKey(let sentence), .backToSecret(let sentence), .backToAddress(let sentence), .stop(let sentence):
                // Without a person, or for an address, the run ends with the reason.
                throw .failed(sentence)
            case .carryOn:
                throw .failed(Wording.cancelled(resumable: false))
            }
        }
    }

    /// Keeps the saved session `RunRules` said may be kept (it is for this server and key), and
    /// prints it with `--print`: the exit status.
    private func keep() -> Int32 {
        guard let existing = settings.existing else { return ExitStatus.failed.rawValue }
        sink.line(Wording.keptSession(username: existing.username) + " " + Wording.replaceHint)
        guard let printFormat else { return ExitStatus.success.rawValue }
        let session = Session(username: existing.username, key: existing.sessionKey)
        return CredentialsPrinter(sink: sink).write(printFormat, service: settings.service, apiKey: existing.apiKey, secret: existing.apiSecret,
                                                    session: session, saved: true) ? ExitStatus.success.rawValue : ExitStatus.failed.rawValue
    }

    /// The key and secret: given, asked for, or (for a server not known to check them, when none
    /// is given or the person answers without one) made on the spot, or those an earlier run
    /// made, kept with a token that can still be resumed. Standard input answers the questions in
    /// one order for every service, terminal or pipe: the key (when not given), then the secret
    /// (when not given); an empty line or the end of input, where the server may not check them,
    /// means none.
    private func credentials(_ given: Given) throws(CLIError) -> (String, String, Bool) {
        let prompt = PlainPrompt(sink: sink, input: input)
        let service = settings.service
        let mayGoWithout = given.mayMakeUp && FlowRules.mayGoWithoutAPIAccount(service, forApp: settings.app != nil)
        func secret() throws(CLIError) -> String {
            if let given = given.secret { return given }
            guard mayGoWithout else { return try prompt.secret() }
            if let typed = try prompt.optionalSecret() { return typed }
            sink.line(Wording.madeUpSecret(service))
            return Credential.madeUp().secret
        }
        if let key = given.key { return (key, try secret(), false) }
        guard mayGoWithout else { return (try prompt.apiKey(), try secret(), false) }
        if let typed = try prompt.optionalAPIKey(for: service) {
            return (typed, try secret(), false)
        }
        let earlier = RunRules.earlierMadeUp(factory.earlierMadeUpCredentials(), resumeAllowed: settings.resumeToken)[service.apiRoot.text]
        let made = earlier ?? Credential.madeUp()
        sink.line(Wording.madeUpCredentials(service, resumed: earlier != nil))
        return (made.apiKey, made.secret, true)
    }

    /// A resumed or fresh token, under the core's one retry policy: the move once it is there or
    /// not. Enter (`now`) during a pause tries again as soon as pacing allows, as the wizard's r does.
    private func requestToken(_ flow: AuthFlow, allowResume: Bool, attended: Bool, now: CheckNowSignal, narrator: PlainNarrator,
                              facts: FlowFacts) async -> NextMove {
        for await state in flow.requestToken(allowResume: allowResume, attended: attended, clock: clock, retryNow: now, jitter: jitter) {
            let move = FlowRules.next(after: state, facts: facts)
            guard move == .carryOn else { return move }
            narrator.lines(for: state, host: settings.service.apiRoot.host, addressMayBeWrong: FlowRules.addressMayBeWrong(state, facts: facts)).forEach(sink.line)
            if case .retrying = state { sayIfSandboxEnded() }
        }
        return .carryOn
    }

    /// Shows the desktop page's address (any device can approve it) and hands the browser the
    /// web flow's page with `callback` when it listens, else the same desktop page.
    private func show(_ grant: TokenGrant, flow: AuthFlow, callback: LoopbackCallback?, narrator: inout PlainNarrator, interactive: Bool) {
        narrator.lines(showing: grant, on: settings.service, schedule: settings.schedule, interactive: interactive).forEach(sink.line)
        if let openBrowser {
            factory.openBrowser(for: grant, flow: flow, callback: callback, verbose: verbose, launch: openBrowser).forEach(sink.line)
        } else {
            callback?.close()
        }
        if let sandbox {
            sink.line(Wording.sandboxApproveHint(.command))
            sink.line("  " + Wording.sandboxApproveCommand(token: grant.token, page: sandbox.authPage))
        }
    }

    /// Follows the wait, printing a line when something changes; Enter on a terminal checks at once.
    private func wait(for grant: TokenGrant, flow: AuthFlow, callback: LoopbackCallback?, checkNow: CheckNowSignal, narrator: inout PlainNarrator,
                      facts: FlowFacts) async -> NextMove {
        // The session is the run's from the moment its answer is read: leaving then waits for the save.
        let updates = flow.wait(for: grant, clock: clock, checkNow: checkNow, callback: callback, jitter: jitter, watch: factory.exchanges) { [cancelNote] _ in
            cancelNote.update(.saving, facts: facts)
        }
        for await update in updates {
            guard case .state(let state) = update else {
                if case .browserReturned(let news) = update { sink.line(Wording.browserReturned(news)) }
                continue
            }
            let move = FlowRules.next(after: state, of: grant, facts: facts)
            guard move == .carryOn else { return move }
            narrator.lines(for: state, of: grant).forEach(sink.line)
            if case .retrying = state { sayIfSandboxEnded() }
            cancelNote.update(.tokenShown(possiblySpent: narrator.hinted), facts: facts)
        }
        return .carryOn
    }

    /// Trouble while the built-in sandbox runs: if its program has ended, say so (once).
    private func sayIfSandboxEnded() {
        sandboxEnded().map(sink.line)
    }

    /// Saves the session; if that fails the key is shown, never lost. A save that had to use the
    /// file because the keyring was locked offers its prompt (the secrets are safe meanwhile).
    private func finish(with session: Session, flow: AuthFlow, apiKey: String, secret: String, enter: EnterKey, attended: Bool,
                        facts: FlowFacts) async -> Int32 {
        // From here, leaving is the run's normal end (`RunRules.leaving`): the session is kept.
        cancelNote.update(.saving, facts: facts)
        defer { cancelNote.onLeave(nil) }
        let result: Result<SavedSecrets, StoreError>
        do {
            result = .success(try CriticalSection.run { () throws(StoreError) in try flow.save(session, createdAt: Timestamp.nowISO8601()) })
        } catch {
            result = .failure(error)
        }
        for line in Wording.afterSave(session, profile: settings.profileName, path: settings.store.path, result: result) {
            line.problem ? sink.problem(line.text) : sink.line(line.text)
        }
        cancelNote.update(.saved, facts: facts)
        if case .success(let saved) = result, !cancelNote.hasLeft,
           let request = KeyringUnlock.offered(after: saved, display: factory.hasDisplay, attended: attended) {
            sink.line(Wording.keyringPrompt(request, keepKey: "Enter"))
            let cancel = UnlockCancel()
            enter.route { cancel.fire() }
            // Ctrl-C now withdraws the window, as Enter does: the secrets stay in the file.
            cancelNote.onLeave { cancel.fire() }
            let outcome = await flow.unlockKeyring(cancel: cancel)
            if verbose, case .failed(let reason) = outcome { sink.line(L("The Secret Service said: {reason}", ["reason": "\(reason)"])) }
            sink.line(Wording.keyringAnswered(outcome, profile: settings.profileName))
        }
        var status = result.isSuccess ? ExitStatus.success : .failed
        if let printFormat {
            let printer = CredentialsPrinter(sink: sink)
            if !printer.write(printFormat, service: settings.service, apiKey: apiKey, secret: secret, session: session, saved: result.isSuccess) { status = .failed }
        }
        return status.rawValue
    }
}

private extension Result {
    var isSuccess: Bool {
        if case .success = self { true } else { false }
    }
}

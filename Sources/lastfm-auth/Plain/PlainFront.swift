import Dispatch
import LastFMAuth
import Synchronization

/// The line-by-line front: for pipes, scripts, screen readers and `TERM=dumb`. Prompts and
/// progress go to standard error, one line per event, in the words `PlainNarrator` takes from the
/// core; standard output only carries `--print`.
struct PlainFront {
    let settings: RunSettings
    let apiKey: String
    let secret: String
    /// The key and secret were made on the spot for a server that may not check them.
    let madeUpCredentials: Bool
    let flow: AuthFlow
    let printFormat: PrintFormat?
    let openBrowser: Bool
    let environment: [String: String]
    let verbose: Bool
    /// The built-in sandbox, with `--sandbox`.
    let sandbox: SandboxProcess?

    /// Runs the flow to the end and returns the exit status.
    func run() async throws(CLIError) -> Int32 {
        Output.error(sandbox == nil
            ? "Connecting an application to \(settings.service.displayName) (profile \"\(settings.profileName)\")."
            : "Using the built-in sandbox server at \(settings.service.apiRoot.text): no account or internet needed.")
        settings.addressNotes.forEach { Output.error($0) }
        if let existing = settings.existing {
            Output.error("Profile \"\(settings.profileName)\" already holds a session for \(existing.username); it will be replaced when you approve.")
        }
        let checkNow = CheckNowSignal()
        // A person at a terminal is watching: trouble is retried for as long as it lasts.
        let interactive = TerminalInput.stdinIsTerminal
        if interactive {
            // Enter checks at once; one reader for the whole run.
            DispatchQueue.global().async {
                while Swift.readLine() != nil { checkNow.fire() }
            }
        }
        let cancelNote = CancelNote(sandbox: sandbox != nil)
        Interrupts.route { number in cancelNote.cancel(signal: number) }
        defer { Interrupts.route(to: nil) }
        var narrator = PlainNarrator(verbose: verbose, apiRoot: settings.service.apiRoot)
        var allowResume = settings.resumeToken
        while true {
            let grant = try await obtainToken(allowResume: allowResume, attended: interactive, narrator: &narrator)
            show(grant, narrator: &narrator, interactive: interactive)
            cancelNote.update(narrator, tokenShown: true)
            let end = try await waitForApproval(of: grant, checkNow: checkNow, narrator: &narrator, cancelNote: cancelNote)
            switch end {
            case .authorized(let session):
                return finish(with: session)
            case .expired where grant.resumed:
                Output.error("The token from the earlier run can no longer be used; getting a new one.")
                flow.discardPendingToken()
                allowResume = false
                cancelNote.update(narrator, tokenShown: false)
            case .expired:
                flow.discardPendingToken()
                throw .failed(Wording.tokenExpired + " Run lastfm-auth again for a new one.")
            case .failed(let error):
                flow.discardPendingToken()
                throw .failed(madeUpCredentials && error.blamedField != nil ? Self.realCredentialsNeeded(error) : Wording.waitFailed(error))
            case .waiting, .retrying:
                throw .failed("The wait ended unexpectedly.")
            }
        }
    }

    /// A resumed or fresh token, under the core's one retry policy.
    private func obtainToken(allowResume: Bool, attended: Bool, narrator: inout PlainNarrator) async throws(CLIError) -> TokenGrant {
        for await state in flow.requestToken(allowResume: allowResume, attended: attended, clock: ContinuousClock()) {
            switch state {
            case .asking(failures: 0) where !allowResume || flow.resumableToken() == nil:
                Output.error("Asking \(settings.service.apiRoot.host) for a request token...")
            case .received(let grant):
                return grant
            case .failed(let error, _) where madeUpCredentials && error.blamedField != nil:
                throw .failed(Self.realCredentialsNeeded(error))
            case .failed:
                throw .failed(narrator.lines(for: state).joined(separator: " "))
            default:
                narrator.lines(for: state).forEach { Output.error($0) }
                if case .retrying = state { sayIfSandboxEnded() }
            }
        }
        throw .failed(Wording.cancelled(resumable: false))
    }

    private func show(_ grant: TokenGrant, narrator: inout PlainNarrator, interactive: Bool) {
        for line in narrator.lines(showing: grant, schedule: settings.schedule, interactive: interactive) { Output.error(line) }
        if openBrowser {
            switch BrowserLauncher.open(grant.authorizeURL, environment: environment) {
            case .success(let program): Output.error(Wording.browserOpened(program))
            case .failure(let failure): Output.error(Wording.browserNotOpened("\(failure)"))
            }
        }
        if let sandbox {
            Output.error("Sandbox: press Allow on that page, or approve from another shell with:")
            Output.error("  curl -s -d action=allow -d api_key=\(SandboxAccount.apiKey) -d token=\(grant.token) \(sandbox.address.authPage) >/dev/null")
        }
    }

    /// Follows the wait, printing a line when something changes; Enter on a terminal checks at once.
    private func waitForApproval(of grant: TokenGrant, checkNow: CheckNowSignal, narrator: inout PlainNarrator,
                                 cancelNote: CancelNote) async throws(CLIError) -> WaitState {
        for await state in flow.wait(for: grant, clock: ContinuousClock(), checkNow: checkNow) {
            if case .authorized = state { return state }  // finish() says it, with the save
            narrator.lines(for: state, of: grant).forEach { Output.error($0) }
            if case .retrying = state { sayIfSandboxEnded() }
            cancelNote.update(narrator, tokenShown: true)
            if state.isFinal { return state }
        }
        throw .failed(Wording.cancelled(resumable: false))
    }

    /// Trouble while the built-in sandbox runs: if its program has ended, say so (once).
    private func sayIfSandboxEnded() {
        if let how = sandbox?.newlyEnded() { Output.error(Wording.sandboxEnded(how)) }
    }

    /// A made-up key or secret was refused: real ones, and where to give them.
    private static func realCredentialsNeeded(_ error: AuthError) -> String {
        Wording.realCredentialsNeeded(error) + " Give them with --api-key and --api-secret-file (or LASTFM_API_KEY and LASTFM_API_SECRET)."
    }

    /// Saves the session; if that fails the key is shown, never lost.
    private func finish(with session: Session) -> Int32 {
        Output.error(Wording.authorized(session))
        var status: Int32 = 0
        do {
            let secrets = try CriticalSection.run { () throws(StoreError) in
                try flow.save(session, createdAt: Timestamp.nowISO8601())
            }
            Output.error(Wording.saved(profile: settings.profileName, path: settings.store.path))
            Output.error(Wording.secretsSaved(secrets))
        } catch {
            status = 1
            Output.problem(Wording.saveFailed(error.description))
            Output.error(Wording.sessionKeyFollows(session))
            Output.error(session.key)
        }
        if let printFormat {
            if !CredentialsPrinter.write(printFormat, apiKey: apiKey, secret: secret, session: session, saved: status == 0) {
                status = 1
            }
        }
        return status
    }
}

/// What Ctrl-C (or SIGTERM, SIGHUP) says during the plain flow, kept up to date from the flow's
/// thread and read on the signal thread.
private final class CancelNote: Sendable {
    private let message = Mutex(Wording.cancelled(resumable: false))
    private let sandbox: Bool

    init(sandbox: Bool) { self.sandbox = sandbox }

    func update(_ narrator: PlainNarrator, tokenShown: Bool) {
        let text = narrator.cancelled(tokenShown: tokenShown, inSandbox: sandbox)
        message.withLock { $0 = text }
    }

    func cancel(signal number: Int32) {
        TerminalInput.restore()
        Output.error("\n" + message.withLock { $0 })
        CriticalSection.exitWhenSafe(Signals.exitStatus(for: number))
    }
}

import Dispatch
import LastFMAuth
import LastFMSandbox

/// The line-by-line front: for pipes, scripts, screen readers and `TERM=dumb`. Prompts and
/// progress go to standard error, one line per event; standard output only carries `--print`.
struct PlainFront {
    let settings: RunSettings
    let apiKey: String
    let secret: String
    let flow: AuthFlow
    let printFormat: PrintFormat?
    let openBrowser: Bool
    let environment: [String: String]
    let verbose: Bool
    let sandbox: SandboxServer?

    /// Runs the flow to the end and returns the exit status.
    func run() async throws(CLIError) -> Int32 {
        Output.error(sandbox == nil
            ? "Connecting an application to \(settings.service.displayName) (profile \"\(settings.profileName)\")."
            : "Using the built-in sandbox server at \(settings.service.apiRoot.text): no account or internet needed.")
        if let existing = settings.existing {
            Output.error("Profile \"\(settings.profileName)\" already holds a session for \(existing.username); it will be replaced when you approve.")
        }
        let checkNow = CheckNowSignal()
        let interactive = TerminalInput.stdinIsTerminal
        if interactive {
            // Enter checks at once; one reader for the whole run.
            DispatchQueue.global().async {
                while Swift.readLine() != nil { checkNow.fire() }
            }
        }
        var allowResume = settings.resumeToken
        while true {
            let grant = try await obtainToken(allowResume: allowResume)
            show(grant)
            switch try await waitForApproval(of: grant, checkNow: checkNow, interactive: interactive) {
            case .authorized(let session):
                return finish(with: session)
            case .expired where grant.resumed:
                Output.error("The token from the earlier run can no longer be used; getting a new one.")
                flow.discardPendingToken()
                allowResume = false
            case .expired:
                flow.discardPendingToken()
                throw .failed("The token expired before it was approved. Run lastfm-auth again for a new one.")
            case .failed(let error):
                flow.discardPendingToken()
                throw .failed(Messages.explain(error))
            case .waiting, .retrying:
                throw .failed("The wait ended unexpectedly.")
            }
        }
    }

    /// A resumed or fresh token; transient failures are retried a few times with growing pauses.
    private func obtainToken(allowResume: Bool) async throws(CLIError) -> TokenGrant {
        Output.error("Asking \(settings.service.apiRoot.host) for a request token...")
        var attempt = 0
        while true {
            do {
                return try await flow.startOrResume(allowResume: allowResume)
            } catch where error.isTransient && attempt < 3 {
                attempt += 1
                let pause = settings.schedule.backoff(failures: attempt, jitter: Double.random(in: 0..<1))
                let wait = max(pause, error.retryAfter ?? .zero)
                Output.error("\(Messages.explain(error)); trying again in \(Messages.seconds(wait)).")
                try? await Task.sleep(for: wait)
            } catch {
                throw .failed(Messages.explain(error))
            }
        }
    }

    private func show(_ grant: TokenGrant) {
        if grant.resumed {
            Output.error("Resuming the token from an earlier run (\(Messages.age(grant.age)) old).")
        }
        Output.error("Open this page and allow access:")
        Output.error(grant.authorizeURL)
        if openBrowser {
            switch BrowserLauncher.open(grant.authorizeURL, environment: environment) {
            case .success(let program): Output.error("(opened with \(program))")
            case .failure(let failure): Output.error("(not opened in a browser: \(failure); open it yourself)")
            }
        }
        if let sandbox {
            Output.error("Sandbox: press Allow on that page, or approve from another shell with:")
            Output.error("  curl -s -d action=allow -d api_key=\(sandbox.configuration.apiKey) -d token=\(grant.token) \(sandbox.authPage) >/dev/null")
        }
    }

    /// Follows the wait, printing a line when something changes; Enter on a terminal checks at once.
    private func waitForApproval(of grant: TokenGrant, checkNow: CheckNowSignal, interactive: Bool) async throws(CLIError) -> WaitState {
        let left = settings.schedule.tokenLifetime - grant.age
        Output.error("Waiting for approval (checking every \(Messages.seconds(settings.schedule.interval)), token valid for \(Messages.minutes(left))\(interactive ? "; press Enter to check now" : "")).")
        var troubled = false
        var hinted = false
        for await state in flow.wait(for: grant, clock: ContinuousClock(), checkNow: checkNow) {
            switch state {
            case .waiting(let last, _):
                if !hinted, let last, SpentTokenHint.applies(to: grant, tokenAge: last) {
                    hinted = true
                    Output.error("Still not approved \(Messages.age(last - grant.age)) after resuming this token. If it was already used in an earlier run (GNU FM servers keep saying \"not yet authorised\" for a spent token), press Ctrl-C and run again with --new-token.")
                }
                if troubled {
                    Output.error("The server answers again; still waiting for approval.")
                    troubled = false
                } else if verbose, last != nil {
                    Output.error("Checked: not approved yet.")
                }
            case .retrying(let problem, _, let last, let next):
                troubled = true
                Output.error("\(Messages.explain(problem)); checking again in \(Messages.seconds(next - last)).")
            case .authorized, .expired, .failed:
                return state
            }
        }
        throw .failed("Cancelled.")
    }

    /// Saves the session; if that fails the key is shown, never lost.
    private func finish(with session: Session) -> Int32 {
        Output.error("Authorized as \(session.username).")
        var status: Int32 = 0
        do {
            try CriticalSection.run { () throws(StoreError) in
                try flow.save(session, secret: secret, createdAt: Timestamp.nowISO8601())
            }
            Output.error("Saved profile \"\(settings.profileName)\" to \(settings.store.path).")
        } catch {
            status = 1
            Output.error("lastfm-auth: the session could not be saved: \(error.description)")
            Output.error("Your session key (keep it secret; it grants access to \(session.username)'s account):")
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

import LastFMAuth
import LastFMWizard

/// The wizard's effects that reach beyond the screen, run for real: the core's token request and
/// wait on `clock` (the continuous clock in the program), the save (guarded against signals), the
/// browser, the sandbox. Each result comes back as an event in the loop's inbox. Called from the
/// loop's thread only.
final class WizardEffects<C: Clock>: WizardEffectRunner where C.Duration == Duration {
    private let factory: FlowFactory
    private let clock: C
    private let jitter: @Sendable () -> Double
    private let inbox: EventInbox
    private let environment: [String: String]
    private let sandbox: SandboxProcess?
    /// False with --new-token: never resume, whatever the wizard asks.
    private let resumeAllowed: Bool
    /// The session saved before this run and the server asked for, for its check (`.checkSavedSession`).
    private let saved: (profile: Profile, service: Service)?

    /// The flow of the last token request: the wait and the save use the same server, key and secret.
    private var flow: AuthFlow?
    private var tokenTask: Task<Void, Never>?
    private var waitTask: Task<Void, Never>?
    private var retryNow = CheckNowSignal()
    private var checkNow = CheckNowSignal()
    /// Withdraws the keyring's window while it is out.
    private var keyringCancel: UnlockCancel?
    /// The token being waited for, and the listener its browser page comes back to (if on).
    private var waitingFor: (grant: TokenGrant, callback: LoopbackCallback?)?

    init(factory: FlowFactory, clock: C, jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, inbox: EventInbox,
         environment: [String: String], sandbox: SandboxProcess?, resumeAllowed: Bool, saved: (profile: Profile, service: Service)? = nil) {
        self.saved = saved
        self.factory = factory
        self.clock = clock
        self.jitter = jitter
        self.inbox = inbox
        self.environment = environment
        self.sandbox = sandbox
        self.resumeAllowed = resumeAllowed
    }

    func run(_ effect: WizardEffect) {
        let inbox = inbox
        switch effect {
        case .probeAddress(let service):
            let factory = factory
            Task { inbox.post(.wizard(.addressProbed(apiRoot: service.apiRoot.text, problem: await factory.probe(service)))) }
        case .checkSavedSession:
            guard let saved else { return }
            let factory = factory
            Task { inbox.post(.wizard(.savedSessionChecked(await factory.checkSaved(saved.profile, on: saved.service)))) }
        case .requestToken(let service, let apiKey, let secret, let allowResume, let madeUp):
            tokenTask?.cancel()
            let flow = factory.flow(service: service, apiKey: apiKey, secret: secret, madeUp: madeUp)
            self.flow = flow
            retryNow = CheckNowSignal()
            let states = flow.requestToken(allowResume: allowResume && resumeAllowed, attended: true, clock: clock, retryNow: retryNow, jitter: jitter)
            let sayIfSandboxEnded = sandboxEndedNotice()
            tokenTask = Task {
                for await state in states {
                    guard !Task.isCancelled else { return }
                    switch state {
                    case .asking: break
                    case .retrying(let problem, let failures, let delay):
                        inbox.post(.wizard(.tokenTrouble(problem, failures: failures, delay: delay)))
                        sayIfSandboxEnded()
                    case .received(let grant): inbox.post(.wizard(.tokenReceived(grant)))
                    case .failed(let error, let attempts): inbox.post(.wizard(.tokenFailed(error, attempts: attempts)))
                    }
                }
            }
        case .retryTokenNow:
            retryNow.fire()
        case .cancelTokenRequest:
            tokenTask?.cancel()
        case .startWaiting(let grant):
            waitTask?.cancel()
            guard let flow else { return }
            checkNow = CheckNowSignal()
            let callback = factory.callback()
            waitingFor = (grant, callback)
            // The session reaches the inbox the moment its answer is read, ahead of any signal
            // after it: leaving then is leaving after the session (the stream's copy comes later, unused).
            let updates = flow.wait(for: grant, clock: clock, checkNow: checkNow, callback: callback, jitter: jitter, watch: factory.exchanges) { session in
                inbox.post(.wizard(.waitChanged(.authorized(session))))
            }
            let sayIfSandboxEnded = sandboxEndedNotice()
            waitTask = Task {
                for await update in updates {
                    switch update {
                    case .state(let wait):
                        inbox.post(.wizard(.waitChanged(wait)))
                        if case .retrying = wait { sayIfSandboxEnded() }
                    case .browserReturned(let news):
                        inbox.post(.wizard(.notice(Wording.browserReturned(news))))
                    }
                }
            }
        case .checkNow:
            checkNow.fire()
        case .stopWaiting:
            waitTask?.cancel()
        case .save(let session, let service, let apiKey, let secret):
            let flow = factory.flow(service: service, apiKey: apiKey, secret: secret)
            let path = factory.store.path
            let createdAt = Timestamp.nowISO8601()
            Task {
                do throws(StoreError) {
                    let secrets = try CriticalSection.run { () throws(StoreError) in try flow.save(session, createdAt: createdAt) }
                    inbox.post(.wizard(.saved(path: path, secrets: secrets)))
                } catch {
                    inbox.post(.wizard(.saveFailed(error)))
                }
            }
        case .openBrowser(let url):
            guard let flow, let waitingFor, waitingFor.grant.authorizeURL == url else { return }
            let environment = environment
            factory.openBrowser(for: waitingFor.grant, flow: flow, callback: waitingFor.callback, verbose: false) {
                BrowserLauncher.open($0, environment: environment)
            }.forEach(notice)
        case .unlockKeyring:
            guard let flow else { return }
            let cancel = UnlockCancel()
            keyringCancel = cancel
            Task { inbox.post(.wizard(.keyringAnswered(await flow.unlockKeyring(cancel: cancel)))) }
        case .keepSecretsInFile:
            keyringCancel?.fire()
        case .approveInSandbox(let token):
            guard let address = sandbox?.address else { return }
            let transport = factory.transport
            let checkNow = checkNow
            // Over HTTP, as the page's Allow button: the sandbox is another process.
            Task {
                switch await SandboxApproval.approve(token: token, at: address, via: transport) {
                case .approved:
                    inbox.post(.wizard(.notice(WizardText.sandboxApproved)))
                    checkNow.fire()
                case .notPending:
                    inbox.post(.wizard(.notice(WizardText.sandboxNotPending)))
                case .failed(let problem):
                    inbox.post(.wizard(.notice(WizardText.sandboxCouldNotApprove("\(problem)"))))
                }
            }
        case .copy, .redraw, .quit:
            break  // the loop's own: they touch only the terminal
        }
    }

    func stopAll() {
        tokenTask?.cancel()
        waitTask?.cancel()
        keyringCancel?.fire()
    }

    /// The built-in sandbox's program starts after the first frame, so the wizard appears
    /// sooner; its socket is already listening, so nothing sent meanwhile is lost.
    func startSandbox() {
        do { try sandbox?.start() } catch { notice(error.message) }
    }

    /// For trouble while the built-in sandbox runs: if its program has ended, say so (once).
    private func sandboxEndedNotice() -> @Sendable () -> Void {
        { [sandbox, inbox] in
            if let sentence = sandbox?.endedNotice() { inbox.post(.wizard(.notice(sentence))) }
        }
    }

    private func notice(_ text: String) {
        inbox.post(.wizard(.notice(text)))
    }
}

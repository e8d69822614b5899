import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import LastFMAuth
import LastFMWizard

/// Wires the wizard to the real world: opens the terminal, routes signals into the loop's inbox,
/// runs `WizardLoop` on a thread of its own sleeping in poll(), then reports the outcome and
/// writes the `--print` output once the screen is gone.
struct WizardRuntime {
    let settings: RunSettings
    let factory: FlowFactory
    let printFormat: PrintFormat?
    let environment: [String: String]
    /// The built-in sandbox, with `--sandbox`: started after the first frame.
    let sandbox: SandboxProcess?
    /// The terminfo entry to draw with (`TerminalType.choose`): TERM's own, or its nearest relative.
    let terminalType: String
    /// Standard input and output, or the controlling terminal when standard output is captured.
    let device: TerminalDevice
    /// `--ascii` or LASTFM_AUTH_ASCII: ASCII glyphs even where the locale says UTF-8.
    let asciiRequested: Bool

    /// Runs until the wizard quits; returns the exit status. The terminal is restored in every case.
    func run() async -> Int32 {
        await withCheckedContinuation { continuation in
            // ncurses and poll() block: keep them off Swift's cooperative threads.
            DispatchQueue(label: "lastfm-auth.wizard").async {
                continuation.resume(returning: runOnThisThread())
            }
        }
    }

    private func runOnThisThread() -> Int32 {
        let inbox = EventInbox()
        // A session whose answer is on its way is posted before the signal (`ExchangeWatch`).
        Interrupts.route { [factory] in
            factory.exchanges.settle(within: RunRules.leavingWaitsForAnswer)
            inbox.post(.signal($0))
        }
        SignalPipe.handle([SIGWINCH]) { _ in inbox.post(.resize) }
        SignalPipe.handle([SIGTSTP]) { _ in inbox.post(.suspend) }
        SignalPipe.handle([SIGCONT]) { _ in inbox.post(.continued) }
        defer {
            Interrupts.route(to: nil)
            SignalPipe.release([SIGWINCH, SIGTSTP, SIGCONT])
        }
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal(terminalType: terminalType, device: device, useColor: environment["NO_COLOR"].map(\.isEmpty) ?? true,
                                           hyperlinks: HyperlinkSupport.isKnown(in: environment))
        } catch {
            Output.error(error.exitMessage)
            return ExitStatus.failed.rawValue
        }
        // After the terminal is open: it has set the locale from the environment.
        let glyphs = Glyphs.choose(codeset: String(cString: nl_langinfo(nl_item(CODESET))), term: terminalType, forced: asciiRequested)
        let saved = settings.existing.map { (profile: $0, service: settings.service) }
        let effects = WizardEffects(factory: factory, clock: ContinuousClock(), inbox: inbox, environment: environment, sandbox: sandbox,
                                    resumeAllowed: settings.resumeToken, saved: saved)
        let loop = WizardLoop(state: initialState(), terminal: terminal, inbox: inbox, clock: ContinuousClock(), effects: effects,
                              glyphs: glyphs, encodeQR: QREncoder.encode, stopProcess: { kill(getpid(), SIGSTOP) },
                              afterFirstFrame: effects.startSandbox)
        let outcome = loop.run { timeout, readInput in
            Self.poll(input: readInput ? device.input : -1, inbox: inbox, timeout: timeout)
        }
        if let message = outcome.message { Output.error(message) }
        let status = outcome.status
        guard status == ExitStatus.success.rawValue, let format = printFormat, let printed = printedCredentials(outcome.state) else { return status }
        return CredentialsPrinter(sink: StandardStreams()).write(format, service: printed.service, apiKey: printed.apiKey, secret: printed.secret,
                                                                 session: printed.session, saved: true) ? ExitStatus.success.rawValue : ExitStatus.failed.rawValue
    }

    /// What `--print` writes: the new session, or the saved one the person chose to keep.
    private func printedCredentials(_ state: WizardState) -> (service: Service, session: Session, apiKey: String, secret: String)? {
        if let session = state.session, case .success(let service) = state.chosenService() { return (service, session, state.apiKey.text, state.secret.text) }
        return settings.existing.flatMap { profile in
            (try? profile.resolvedService()).map { ($0, Session(username: profile.username, key: profile.sessionKey), profile.apiKey, profile.apiSecret) }
        }
    }

    /// Sleeps in poll() until `input` (skipped when negative) or `inbox` is readable, or `timeout`.
    /// A terminal that has hung up (the window closed, the connection dropped) ends the wizard as
    /// SIGHUP does, also when no SIGHUP comes (this process is not in the terminal's session, or
    /// something between held it back): poll() would otherwise wake at once, for ever.
    private static func poll(input: Int32, inbox: EventInbox, timeout: Duration?) -> LoopWake {
        var fds = [pollfd(fd: input, events: Int16(POLLIN), revents: 0), pollfd(fd: inbox.wakeFD, events: Int16(POLLIN), revents: 0)]
        let milliseconds = timeout.map { Int32(clamping: max(0, $0.wholeMilliseconds)) } ?? -1
        let count = Glibc.poll(&fds, 2, milliseconds)
        guard count > 0 else { return LoopWake(input: false, inbox: count < 0) }  // EINTR: look at the inbox
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            inbox.post(.signal(SIGHUP))
            return LoopWake(input: false, inbox: true)
        }
        return LoopWake(input: fds[0].revents != 0, inbox: fds[1].revents != 0)
    }

    /// The first state, from what flags, environment and profile already say.
    func initialState() -> WizardState {
        let service = settings.service
        let preselected: ServiceOption = service.known.map { .known($0) } ?? .custom
        // The saved session is offered only once the server has said it works (`RunRules.savedSession`).
        let existing = settings.savedSession == .check ? settings.existing?.username : nil
        let custom = preselected == .custom && sandbox == nil
        var state = WizardState(
            profileName: settings.profileName, existingUsername: existing, preselected: preselected,
            sandboxService: sandbox == nil ? nil : service, serviceGiven: settings.serviceGiven,
            customRoot: custom ? service.apiRoot.text : "",
            customAuthPage: custom ? service.authPage.text : "",
            apiKey: settings.apiKey ?? "", secret: settings.secret ?? "",
            tokenLifetime: settings.schedule.tokenLifetime, printing: printFormat?.rawValue)
        if custom && settings.authPageDerived { state.derivedAuthPage = service.authPage.text }
        if existing != nil { state.step = .checkingSaved }
        if case .replace(let sentence) = settings.savedSession { state.startNote = sentence }
        if let taken = settings.resumingNote { state.startNote = [state.startNote, taken].compactMap { $0 }.joined(separator: " ") }
        state.earlierMadeUpCredentials = RunRules.earlierMadeUp(factory.earlierMadeUpCredentials(), resumeAllowed: settings.resumeToken)
        state.hasDisplay = KeyringUnlock.hasDisplay(environment)
        state.handingTo = settings.app?.id
        state.appNote = settings.appNote
        let term = environment["TERM"] ?? ""
        if terminalType != term {
            state.terminalNote = WizardText.drawingAs(terminalType, term: term)
        }
        return state
    }
}

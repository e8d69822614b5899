import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import LastFMAuth
import LastFMSandbox
import LastFMWizard

/// Runs the ncurses wizard: one loop on its own thread draws the view, sleeps in poll() until a
/// key, a core result, a signal or the next second, feeds events to the reducer, and runs effects.
struct WizardRuntime {
    let settings: RunSettings
    let factory: FlowFactory
    let printFormat: PrintFormat?
    let environment: [String: String]
    let sandbox: SandboxServer?
    /// The terminfo entry to draw with (`TerminalType.choose`): TERM's own, or its nearest relative.
    let terminalType: String
    /// `--ascii` or LASTFM_AUTH_ASCII: ASCII glyphs even where the locale says UTF-8.
    let asciiRequested: Bool

    /// Runs until the wizard quits; returns the exit status. The terminal is restored in every case.
    func run() async -> Int32 {
        let loop = WizardLoop(runtime: self)
        return await withCheckedContinuation { continuation in
            // ncurses and poll() block: keep them off Swift's cooperative threads.
            DispatchQueue(label: "lastfm-auth.wizard").async {
                continuation.resume(returning: loop.run())
            }
        }
    }

    /// The first state, from what flags, environment and profile already say.
    func initialState() -> WizardState {
        let service = settings.service
        let preselected: ServiceOption = switch service.kind {
        case .lastfm: .lastfm
        case .librefm: .librefm
        case .custom: .custom
        }
        let existing = settings.existing.flatMap { $0.sessionKey.isEmpty ? nil : $0.username }
        var state = WizardState(
            profileName: settings.profileName, existingUsername: existing, preselected: preselected,
            sandboxService: sandbox == nil ? nil : service,
            customRoot: service.kind == .custom && sandbox == nil ? service.apiRoot.text : "",
            customAuthPage: service.kind == .custom && sandbox == nil ? service.authPage.text : "",
            apiKey: settings.apiKey ?? "", secret: settings.secret ?? "",
            tokenLifetime: settings.schedule.tokenLifetime)
        let term = environment["TERM"] ?? ""
        if terminalType != term {
            state.terminalNote = "This host has no terminfo entry for TERM=\(term); drawing as \(terminalType)."
        }
        return state
    }
}

/// The loop's own state; lives on the wizard thread only.
private final class WizardLoop: @unchecked Sendable {
    // Only used from the wizard thread (the work item that runs `run()`); Sendable so it can be handed there.
    let runtime: WizardRuntime
    let inbox = EventInbox()
    var state: WizardState
    var qrCode: QRCode?
    var tokenTask: Task<Void, Never>?
    var waitTask: Task<Void, Never>?
    var checkNow = CheckNowSignal()
    /// When the current token was issued, on the monotonic clock, for the countdown.
    var tokenIssued: ContinuousClock.Instant?
    var savedSession: (session: Session, apiKey: String, secret: String)?
    var sandboxStarted = false

    init(runtime: WizardRuntime) {
        self.runtime = runtime
        self.state = runtime.initialState()
    }

    func run() -> Int32 {
        let inbox = inbox
        Interrupts.route { inbox.post(.signal($0)) }
        SignalPipe.handle([SIGWINCH]) { _ in inbox.post(.resize) }
        SignalPipe.handle([SIGTSTP]) { _ in inbox.post(.suspend) }
        SignalPipe.handle([SIGCONT]) { _ in inbox.post(.continued) }
        guard let terminal = NCursesTerminal(terminalType: runtime.terminalType, useColor: runtime.environment["NO_COLOR"].map(\.isEmpty) ?? true,
                                             hyperlinks: HyperlinkSupport.isKnown(in: runtime.environment)) else {
            Interrupts.route(to: nil)
            Output.error("lastfm-auth: could not open the terminal as \(runtime.terminalType); run with --plain")
            return 1
        }
        // After the terminal is open: it has set the locale from the environment.
        let glyphs = Glyphs.choose(codeset: String(cString: nl_langinfo(nl_item(CODESET))), term: runtime.terminalType, forced: runtime.asciiRequested)
        var outcome: (status: Int32, message: String?) = (130, "Cancelled.")
        let settings = runtime.settings
        for effect in WizardReducer.reduce(&state, .started(everythingGiven: settings.serviceGiven && settings.apiKey != nil && settings.secret != nil)) {
            perform(effect, terminal: terminal)
        }
        var dirty = true
        // Between Ctrl-Z and fg: the screen is the shell's, so nothing is drawn or read.
        var suspended = false
        loop: while true {
            if dirty && !suspended {
                let size = terminal.size
                terminal.draw(WizardView(state: state, qrCode: qrCode, glyphs: glyphs).render(width: size.width, height: size.height))
                dirty = false
                startSandboxOnce()
            }
            var events: [WizardEvent] = []
            let ready = wait(timeout: suspended ? nil : tickTimeout(), readInput: !suspended)
            if ready.input {
                for input in terminal.readEvents() {
                    switch input {
                    case .key(let key): events.append(.key(key))
                    case .paste(let text): events.append(.paste(text))
                    case .focusIn: events.append(.focusIn)
                    case .focusOut: break
                    case .resize:
                        terminal.refreshSize()
                        dirty = true
                    }
                }
            }
            for item in inbox.take() {
                switch item {
                case .wizard(let event): events.append(event)
                case .resize:
                    terminal.refreshSize()
                    dirty = true
                case .suspend where !suspended:
                    // In a job of several processes the shell may already have taken the terminal
                    // back (another process stopped first): give it back restored all the same.
                    signal(SIGTTOU, SIG_IGN)
                    terminal.suspend()
                    suspended = true
                    // The stop takes effect asynchronously (other threads may take it), so kill()
                    // can return before fg: the screen is taken back only on SIGCONT, below.
                    kill(getpid(), SIGSTOP)
                case .suspend:
                    break
                case .continued:
                    if suspended {
                        signal(SIGTTOU, SIG_DFL)
                        terminal.resume()
                    }
                    suspended = false
                    dirty = true
                case .signal(let number):
                    outcome = (Signals.exitStatus(for: number), state.cancelMessage)
                    break loop
                }
            }
            if !ready.input && !ready.inbox { events.append(.tick(tokenAge: currentTokenAge())) }
            for event in events {
                let before = state
                let effects = WizardReducer.reduce(&state, event)
                if state != before { dirty = true }
                for effect in effects {
                    switch effect {
                    case .quit(let status, let message):
                        outcome = (status, message)
                        break loop
                    case .redraw:
                        terminal.repaintAll()
                        dirty = true
                    default:
                        perform(effect, terminal: terminal)
                    }
                }
            }
        }
        terminal.restore()
        Interrupts.route(to: nil)
        SignalPipe.release([SIGWINCH, SIGTSTP, SIGCONT])
        tokenTask?.cancel()
        waitTask?.cancel()
        if let message = outcome.message { Output.error(message) }
        // --print: the new session, or the saved one the person chose to keep.
        let kept = runtime.settings.existing.map { (Session(username: $0.username, key: $0.sessionKey), $0.apiKey, $0.apiSecret) }
        if outcome.status == 0, let (session, apiKey, secret) = savedSession ?? kept, let format = runtime.printFormat {
            if !CredentialsPrinter.write(format, apiKey: apiKey, secret: secret, session: session, saved: true) {
                return 1
            }
        }
        return outcome.status
    }

    // MARK: Waiting

    /// Sleeps in poll() until input (if `readInput`), an inbox item, or the timeout (nil: no timeout).
    private func wait(timeout: Duration?, readInput: Bool) -> (input: Bool, inbox: Bool) {
        // A negative descriptor is skipped by poll(): while suspended, stdin belongs to the shell.
        var fds = [pollfd(fd: readInput ? STDIN_FILENO : -1, events: Int16(POLLIN), revents: 0), pollfd(fd: inbox.wakeFD, events: Int16(POLLIN), revents: 0)]
        let milliseconds = timeout.map { Int32(max(0, $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000)) } ?? -1
        let count = poll(&fds, 2, milliseconds)
        guard count > 0 else { return (false, count < 0) }  // EINTR: look at the inbox
        return (fds[0].revents != 0, fds[1].revents != 0)
    }

    /// When to wake for a redraw although nothing happened: the spinner while fetching or saving,
    /// the next whole second of the countdown while waiting, never on the other steps.
    private func tickTimeout() -> Duration? {
        switch state.step {
        case .fetchingToken, .saving: return .milliseconds(120)
        case .authorize:
            guard let issued = tokenIssued else { return .seconds(1) }
            let age = issued.duration(to: .now)
            let fraction = Duration.seconds(1) - .nanoseconds(Int64(age.components.attoseconds / 1_000_000_000))
            return fraction + .milliseconds(5)
        default: return nil
        }
    }

    private func currentTokenAge() -> Duration? {
        tokenIssued.map { $0.duration(to: .now) }
    }

    // MARK: Effects

    private func perform(_ effect: WizardEffect, terminal: NCursesTerminal) {
        let inbox = inbox
        switch effect {
        case .requestToken(let service, let apiKey, let secret, let allowResume, let after):
            tokenTask?.cancel()
            let flow = runtime.factory.flow(service: service, apiKey: apiKey, secret: secret)
            let resume = allowResume && runtime.settings.resumeToken  // --new-token: never resume
            tokenTask = Task {
                if after > .zero { try? await Task.sleep(for: after) }
                guard !Task.isCancelled else { return }
                do throws(AuthError) {
                    let grant = try await flow.startOrResume(allowResume: resume)
                    if !Task.isCancelled { inbox.post(.wizard(.tokenReceived(grant))) }
                } catch {
                    if !Task.isCancelled { inbox.post(.wizard(.tokenFailed(error))) }
                }
            }
        case .cancelTokenRequest:
            tokenTask?.cancel()
        case .startWaiting(let grant):
            waitTask?.cancel()
            qrCode = QREncoder.encode(grant.authorizeURL)
            tokenIssued = ContinuousClock.now - grant.age
            checkNow = CheckNowSignal()
            guard case .success(let service) = state.chosenService() else { return }
            let flow = runtime.factory.flow(service: service, apiKey: state.apiKey.text, secret: state.secret.text)
            let signal = checkNow
            waitTask = Task {
                for await wait in flow.wait(for: grant, clock: ContinuousClock(), checkNow: signal) {
                    inbox.post(.wizard(.waitChanged(wait)))
                }
            }
        case .checkNow:
            checkNow.fire()
        case .stopWaiting:
            waitTask?.cancel()
            tokenIssued = nil
        case .save(let session, let service, let apiKey, let secret):
            let flow = runtime.factory.flow(service: service, apiKey: apiKey, secret: secret)
            savedSession = (session, apiKey, secret)
            let path = runtime.settings.store.path
            let createdAt = Timestamp.nowISO8601()
            Task {
                do throws(StoreError) {
                    try CriticalSection.run { () throws(StoreError) in
                        try flow.save(session, secret: secret, createdAt: createdAt)
                    }
                    inbox.post(.wizard(.saved(path: path)))
                } catch {
                    inbox.post(.wizard(.saveFailed(error.description)))
                }
            }
        case .openBrowser(let url):
            switch BrowserLauncher.open(url, environment: runtime.environment) {
            case .success(let program): post(notice: "Opened the page with \(program).")
            case .failure(let failure): post(notice: "Could not open a browser: \(failure). Copy the address instead (c).")
            }
        case .copy(let url):
            terminal.writeRaw("\u{1B}]52;c;\(Data(url.utf8).base64EncodedString())\u{07}")
            post(notice: "Copied the address to the clipboard (OSC 52; if nothing arrived, your terminal does not allow it: select it with the mouse).")
        case .approveInSandbox(let token):
            if runtime.sandbox?.approve(token: token) == true {
                post(notice: "Approved in the sandbox as sandbox-user.")
                checkNow.fire()
            } else {
                post(notice: "The sandbox could not approve this token (already answered or expired).")
            }
        case .redraw, .quit:
            break  // handled in the loop, which owns the screen and the exit
        }
    }

    /// The built-in sandbox's event loop starts after the first frame, so the wizard appears
    /// sooner; its socket is already listening, so nothing sent meanwhile is lost.
    private func startSandboxOnce() {
        guard !sandboxStarted, let sandbox = runtime.sandbox else { return }
        sandboxStarted = true
        let inbox = inbox
        Task {
            do {
                try await sandbox.startServing()
            } catch {
                inbox.post(.wizard(.notice("The built-in sandbox could not start: \(error)")))
            }
        }
    }

    private func post(notice: String) {
        inbox.post(.wizard(.notice(notice)))
    }
}

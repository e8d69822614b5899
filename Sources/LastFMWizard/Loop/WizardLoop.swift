/// The wizard's loop over any `Terminal`: draws the view when something changed, waits for the
/// next key, inbox item or tick, feeds events to `WizardReducer`, handles the terminal's own
/// effects and hands the rest to a `WizardEffectRunner`. Time comes from an injected clock and
/// the wait from the caller, so tests run the whole loop with a scripted terminal and a manual clock.
public final class WizardLoop<C: Clock> where C.Duration == Duration {
    /// How the loop waits: at most `timeout` (nil: until something arrives), for terminal input
    /// only when `readInput` (never while suspended: the terminal is the shell's then).
    public typealias Wait = (_ timeout: Duration?, _ readInput: Bool) -> LoopWake

    /// The state now; after `run`, the state it ended in.
    public private(set) var state: WizardState
    private let terminal: any Terminal
    private let inbox: EventInbox
    private let clock: C
    private let effects: any WizardEffectRunner
    private let glyphs: Glyphs
    private let encodeQR: (String) -> QRCode?
    private let stopProcess: () -> Void
    private var afterFirstFrame: (() -> Void)?

    private var qrCode: QRCode?
    /// When the current token was issued, on `clock`, for the countdown.
    private var tokenIssued: C.Instant?
    /// When the token request's last trouble arrived, on `clock`, for the countdown to its next try.
    private var troubleArrived: C.Instant?
    private var dirty = true
    /// Between Ctrl-Z and fg: nothing is drawn or read.
    private var suspended = false
    private var outcome: WizardOutcome?

    /// A loop that starts in `state`.
    /// - Parameters:
    ///   - terminal: where it draws and reads.
    ///   - inbox: where core results and signals arrive.
    ///   - clock: the token's age and the tick times.
    ///   - effects: runs the token request, the wait, the save, the browser.
    ///   - glyphs: Unicode or ASCII.
    ///   - encodeQR: the authorize URL's QR code (libqrencode in the program).
    ///   - stopProcess: stops the process after a Ctrl-Z once the terminal is given back (SIGSTOP).
    ///   - afterFirstFrame: runs once, after the first screen is drawn.
    public init(state: WizardState, terminal: any Terminal, inbox: EventInbox, clock: C, effects: any WizardEffectRunner,
                glyphs: Glyphs, encodeQR: @escaping (String) -> QRCode? = { _ in nil }, stopProcess: @escaping () -> Void,
                afterFirstFrame: (() -> Void)? = nil) {
        self.state = state
        self.terminal = terminal
        self.inbox = inbox
        self.clock = clock
        self.effects = effects
        self.glyphs = glyphs
        self.encodeQR = encodeQR
        self.stopProcess = stopProcess
        self.afterFirstFrame = afterFirstFrame
    }

    /// Runs until the wizard quits or a signal ends it. The terminal is restored and every running
    /// effect stopped before it returns.
    public func run(wait: Wait) -> WizardOutcome {
        apply(.started)
        while outcome == nil {
            drawIfNeeded()
            guard outcome == nil else { break }
            handle(wait(suspended ? nil : tickTimeout(), !suspended))
        }
        terminal.restore()
        effects.stopAll()
        return outcome ?? WizardOutcome(end: .quit(status: 1), message: nil, state: state)
    }

    // MARK: One turn

    private func drawIfNeeded() {
        guard dirty, !suspended else { return }
        dirty = false
        let size = terminal.size
        do throws(TerminalError) {
            try terminal.draw(WizardView(state: state, qrCode: qrCode, glyphs: glyphs).render(width: size.width, height: size.height))
        } catch {
            end(.quit(status: 1), message: error.exitMessage)
            return
        }
        if let first = afterFirstFrame {
            afterFirstFrame = nil
            first()
        }
    }

    private func handle(_ wake: LoopWake) {
        var events: [WizardEvent] = []
        if wake.input {
            for input in terminal.readEvents() {
                switch input {
                case .key(let key): events.append(.key(key))
                case .paste(let text): events.append(.paste(text))
                case .focusIn: events.append(.focusIn)
                case .focusOut: break
                case .resize: resized()
                }
            }
        }
        for item in inbox.take() {
            switch item {
            case .wizard(let event): events.append(event)
            case .resize: resized()
            case .suspend where !suspended:
                terminal.suspend()
                suspended = true
                // The screen is taken back only on SIGCONT: the stop may take effect after this returns.
                stopProcess()
            case .suspend:
                break
            case .continued:
                if suspended { terminal.resume() }
                suspended = false
                dirty = true
            case .signal(let number):
                // What leaving means now is the run's rule: a cancel, or the end after the save.
                events.append(.leave(signal: number))
            }
        }
        if !wake.input && !wake.inbox { events.append(.tick(tokenAge: tokenAge, sinceTrouble: troubleArrived.map { $0.duration(to: clock.now) })) }
        for event in events where outcome == nil { apply(event) }
    }

    private func resized() {
        terminal.refreshSize()
        dirty = true
    }

    private func apply(_ event: WizardEvent) {
        if case .tokenTrouble = event { troubleArrived = clock.now }
        let before = state
        let effects = WizardReducer.reduce(&state, event)
        if state != before { dirty = true }
        for effect in effects where outcome == nil { perform(effect) }
    }

    private func perform(_ effect: WizardEffect) {
        switch effect {
        case .quit(let status, let message):
            end(.quit(status: status), message: message)
        case .redraw:
            terminal.repaintAll()
            dirty = true
        case .copy(let text):
            terminal.write(.copyToClipboard(text))
            apply(.notice(WizardText.copied))
        case .startWaiting(let grant):
            qrCode = encodeQR(grant.authorizeURL)
            tokenIssued = clock.now.advanced(by: .zero - grant.age)
            effects.run(effect)
        case .stopWaiting:
            tokenIssued = nil
            effects.run(effect)
        default:
            effects.run(effect)
        }
    }

    private func end(_ end: WizardOutcome.End, message: String?) {
        outcome = WizardOutcome(end: end, message: message, state: state)
    }

    // MARK: Time

    private var tokenAge: Duration? {
        tokenIssued.map { $0.duration(to: clock.now) }
    }

    /// When to wake although nothing happened: the spinner while fetching or saving, the next
    /// whole second of the countdown while waiting, never on the other steps.
    private func tickTimeout() -> Duration? {
        switch state.step {
        case .fetchingToken, .saving, .checkingSaved:
            return .milliseconds(120)
        case .customServer where state.probingAddress:
            return .milliseconds(120)
        case .authorize:
            guard let age = tokenAge else { return .seconds(1) }
            let intoSecond = Duration.milliseconds(age.wholeMilliseconds % 1000)
            return .seconds(1) - intoSecond + .milliseconds(5)
        default:
            return nil
        }
    }
}

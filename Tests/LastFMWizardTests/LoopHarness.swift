import LastFMAuth
import LastFMWizard
import TestSupport

/// Runs the real `WizardLoop` over a `ScriptedTerminal`, a manual clock and a recording effect
/// runner. A script of turns stands in for time and the person: each time the loop waits, the next
/// turn queues input, posts to the inbox or lets the timeout pass, and the screen on display at that
/// moment is kept under the turn's label, so a test reads what a person saw before each action.
final class LoopHarness {
    /// Effects handed to the runner, in order; nothing is run for real.
    final class RecordingEffects: WizardEffectRunner {
        private(set) var effects: [WizardEffect] = []
        private(set) var stopped = false
        func run(_ effect: WizardEffect) { effects.append(effect) }
        func stopAll() { stopped = true }
    }

    /// One turn of the script.
    struct Turn {
        var label: String
        var act: (LoopHarness, _ timeout: Duration?) -> LoopWake
    }

    let terminal: ScriptedTerminal
    let inbox = EventInbox()
    let clock = ManualClock()
    let effects = RecordingEffects()
    private(set) var turns: [Turn] = []
    /// The screen text and the loop's wait arguments at the start of each turn, by label.
    private(set) var seen: [String: (screen: String, timeout: Duration?, readInput: Bool)] = [:]
    private(set) var stops = 0
    private(set) var scriptRanOut = false
    private(set) var glyphs: Glyphs

    init(width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode) {
        terminal = ScriptedTerminal(width: width, height: height)
        self.glyphs = glyphs
    }

    // MARK: Writing the script

    func press(_ keys: Key..., label: String? = nil) {
        add(label ?? "press \(keys)") { harness, _ in
            harness.terminal.pendingInput += keys.map { .key($0) }
            return LoopWake(input: true, inbox: false)
        }
    }

    func type(_ text: String, label: String? = nil) {
        add(label ?? "type \(text)") { harness, _ in
            harness.terminal.pendingInput += text.map { .key(.character($0)) }
            return LoopWake(input: true, inbox: false)
        }
    }

    func input(_ event: TerminalEvent, label: String) {
        add(label) { harness, _ in
            harness.terminal.pendingInput.append(event)
            return LoopWake(input: true, inbox: false)
        }
    }

    func post(_ event: WizardEvent, label: String) {
        post(item: .wizard(event), label: label)
    }

    func post(item: EventInbox.Item, label: String) {
        add(label) { harness, _ in
            harness.inbox.post(item)
            return LoopWake(input: false, inbox: true)
        }
    }

    /// The window becomes `width` x `height` (SIGWINCH).
    func resize(width: Int, height: Int, label: String) {
        add(label) { harness, _ in
            harness.terminal.size = TerminalSize(width: width, height: height)
            harness.inbox.post(.resize)
            return LoopWake(input: false, inbox: true)
        }
    }

    /// Lets the loop's timeout pass on the manual clock (a tick); `extra` moves time on further first.
    func tick(after extra: Duration = .zero, label: String) {
        add(label) { harness, timeout in
            harness.clock.advance(by: extra + (timeout ?? .zero))
            return .timeout
        }
    }

    /// Only looks: keeps the screen under `label` and lets nothing happen (an inbox wake with an empty inbox).
    func look(_ label: String) {
        add(label) { _, _ in LoopWake(input: false, inbox: true) }
    }

    private func add(_ label: String, _ act: @escaping (LoopHarness, Duration?) -> LoopWake) {
        turns.append(Turn(label: label, act: act))
    }

    // MARK: Running

    /// Runs the loop from `state` until it ends; a script that runs out ends it with SIGTERM.
    /// With `serviceGiven`, as a flag gives it: the loop goes on to the first field not given.
    func run(_ state: WizardState, serviceGiven: Bool = false) -> WizardOutcome {
        var remaining = turns[...]
        var state = state
        if serviceGiven { state.serviceGiven = true }
        let loop = WizardLoop(state: state, terminal: terminal, inbox: inbox, clock: clock, effects: effects,
                              glyphs: glyphs, encodeQR: { _ in Fixtures.qr }, stopProcess: { [unowned self] in stops += 1 })
        return loop.run { [unowned self] timeout, readInput in
            guard let turn = remaining.popFirst() else {
                scriptRanOut = true
                inbox.post(.signal(15))
                return LoopWake(input: false, inbox: true)
            }
            seen[turn.label] = (terminal.text, timeout, readInput)
            return turn.act(self, timeout)
        }
    }

    /// The screen shown when the turn `label` began (what the person saw before acting).
    func screen(before label: String) -> String {
        seen[label]?.screen ?? "(no turn named \(label))"
    }
}

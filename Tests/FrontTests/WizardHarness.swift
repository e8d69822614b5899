import Dispatch
import Glibc
import LastFMAuth
import LastFMWizard
import Logging
import Synchronization
import TestSupport
@testable import lastfm_auth

/// The real wizard in process over the real core: `WizardLoop` on a scripted terminal, with the
/// program's `WizardEffects` running the token request, the wait and the save against a scripted
/// server on a manual clock. Keys are pressed when the screen shows what a person waits for;
/// whenever nothing else happens, the clock moves on a second (so ticks and pauses pass); when the
/// wizard waits for a key nobody scripted, the person presses Enter on the done screen and Ctrl-C
/// anywhere else (the state shows where it stopped).
final class WizardHarness: @unchecked Sendable {
    /// A key to press once the screen (flattened) contains `when`.
    struct Press {
        var when: String
        var key: Key
    }

    let server: ScriptedServer
    /// The flow's clock: the server's, so its calls are timed on it.
    let clock: ManualClock
    let terminal = ScriptedTerminal(width: 100, height: 40)
    let scratch = ScratchFolder()
    let store: CredentialsStore
    private let inbox = EventInbox()
    private let factory: FlowFactory
    private var presses: [Press]
    private let state: WizardState
    /// The profile saved before the run and the server asked for, for the saved session's check.
    private let saved: (profile: Profile, service: Service)?
    /// Ctrl-C was pressed because the wizard waited for a key no press was scripted for.
    private(set) var gaveUp = false

    /// The wizard from `state`; with `serviceGiven` (as a flag gives it) it goes on to the first
    /// field not given, or to the token request when the key and secret are there too.
    init(server: ScriptedServer, state: WizardState, serviceGiven: Bool = true, presses: [Press] = [], saved: (profile: Profile, service: Service)? = nil) {
        self.saved = saved
        self.server = server
        clock = server.clock ?? ManualClock()
        var state = state
        state.serviceGiven = serviceGiven
        self.state = state
        self.presses = presses
        store = CredentialsStore(path: scratch.credentialsPath, keyring: nil)
        factory = FlowFactory(transport: server, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), store: store,
                              profileName: state.profileName, schedule: PollingSchedule(), secretPlace: .file)
    }

    deinit { scratch.remove() }

    /// How many scripted presses were never pressed.
    var pressesLeft: Int { presses.count }

    /// Every screen drawn so far, flattened into one text.
    var everything: String { terminal.screens.map { flattened($0.text) }.joined(separator: "\n") }

    /// Runs the wizard to its end on a thread of its own (it blocks as the program's does).
    func run() async -> WizardOutcome {
        await withCheckedContinuation { continuation in
            DispatchQueue(label: "wizard-harness").async { continuation.resume(returning: self.runHere()) }
        }
    }

    private func runHere() -> WizardOutcome {
        let effects = WizardEffects(factory: factory, clock: clock, jitter: { 0 }, inbox: inbox, environment: [:], sandbox: nil, resumeAllowed: true,
                                    saved: saved)
        let loop = WizardLoop(state: state, terminal: terminal, inbox: inbox, clock: clock, effects: effects, glyphs: .unicode,
                              stopProcess: {})
        let deadline = ContinuousClock.now + .seconds(60)
        return loop.run { [self] _, _ in
            if let index = presses.firstIndex(where: { flattened(terminal.text).contains($0.when) }) {
                terminal.pendingInput.append(.key(presses.remove(at: index).key))
                return LoopWake(input: true, inbox: false)
            }
            while ContinuousClock.now < deadline {
                var wake = pollfd(fd: inbox.wakeFD, events: Int16(POLLIN), revents: 0)
                if Glibc.poll(&wake, 1, 5) > 0 { return LoopWake(input: false, inbox: true) }
                // Time moves only while the core sleeps until its next request, never mid-request,
                // and only once what it said has had time to reach the inbox (a quiet 100 ms).
                if Glibc.poll(&wake, 1, 100) > 0 { return LoopWake(input: false, inbox: true) }
                if clock.sleeperCount > 0 {
                    clock.advance(by: .seconds(1))
                    return .timeout
                }
                // Nothing sleeps and nothing arrives: the wizard waits for the person, who gives up.
                if !gaveUp, clock.sleeperCount == 0, ![.checkingSaved, .fetchingToken, .authorize, .saving].contains(loop.state.step) {
                    gaveUp = true
                    // On the done screen the person exits with Enter; anywhere else gives up.
                    terminal.pendingInput.append(.key(loop.state.step == .done ? .enter : .control("c")))
                    return LoopWake(input: true, inbox: false)
                }
            }
            inbox.post(.signal(SIGTERM))
            return LoopWake(input: false, inbox: true)
        }
    }
}

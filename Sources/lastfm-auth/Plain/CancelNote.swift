import LastFMAuth
import Synchronization

/// What Ctrl-C (or SIGTERM, SIGHUP) does during the plain flow: the flow keeps its `RunPhase` up
/// to date, and `cancel(signal:)`, on the signal thread, does what `RunRules.leaving` decides:
/// before the save it says why and exits; once the session is being saved or is saved, the run
/// goes on to its normal end (the keyring's window withdrawn, `--print`, the hand-off), exit 0.
final class CancelNote: Sendable {
    private struct Now {
        var phase: RunPhase = .starting
        var facts = FlowFacts()
        var left = false
        var onLeave: (@Sendable () -> Void)?
    }

    private let now = Mutex(Now())

    /// A note for a run that has shown nothing yet.
    init() {}

    /// What would be said if the person cancelled now, before the save.
    var message: String {
        let (phase, facts) = now.withLock { ($0.phase, $0.facts) }
        guard case .cancel(_, let message) = RunRules.leaving(at: phase, facts: facts) else { return Wording.cancelled(resumable: false) }
        return message
    }

    /// Whether the person left after the save began: the last steps that wait for them are skipped.
    var hasLeft: Bool { now.withLock { $0.left } }

    /// The run has come to `phase`, with `facts`.
    func update(_ phase: RunPhase, facts: FlowFacts) {
        now.withLock {
            $0.phase = phase
            $0.facts = facts
        }
    }

    /// What leaving after the save does at once (withdraw the keyring's window); nil: nothing waits.
    func onLeave(_ action: (@Sendable () -> Void)?) {
        let fire = now.withLock { now -> Bool in
            now.onLeave = action
            return now.left
        }
        if fire { action?() }
    }

    /// Leaves as `RunRules.leaving` says for the phase now, once an answer on its way has come
    /// (`exchanges`: it may bring the session, which then is the run's).
    func cancel(signal number: Int32, exchanges: ExchangeWatch) {
        exchanges.settle(within: RunRules.leavingWaitsForAnswer)
        let (phase, facts) = now.withLock { ($0.phase, $0.facts) }
        switch RunRules.leaving(at: phase, signal: number, facts: facts) {
        case .cancel(let status, let message):
            TerminalInput.restore()
            Output.error("\n" + message)
            CriticalSection.exitWhenSafe(status)
        case .finishAfterSave, .finish:
            let action = now.withLock { now -> (@Sendable () -> Void)? in
                now.left = true
                return now.onLeave
            }
            action?()
        }
    }
}

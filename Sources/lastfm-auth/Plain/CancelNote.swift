import LastFMAuth
import Synchronization

/// What Ctrl-C (or SIGTERM, SIGHUP) says during the plain flow: kept up to date by the flow and
/// read on the signal thread, where `cancel(signal:)` ends the process.
final class CancelNote: Sendable {
    private let text = Mutex(Wording.cancelled(resumable: false))

    /// A note for a run that has shown nothing yet.
    init() {}

    /// What would be said now.
    var message: String { text.withLock { $0 } }

    /// The sentence for the flow's state now.
    func update(_ message: String) {
        text.withLock { $0 = message }
    }

    /// Restores a hidden prompt's echo, says the note and exits once no save is under way.
    func cancel(signal number: Int32) {
        TerminalInput.restore()
        Output.error("\n" + message)
        CriticalSection.exitWhenSafe(Signals.exitStatus(for: number))
    }
}

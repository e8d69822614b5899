import Dispatch
import Synchronization

/// Hands lines from the one reader of standard input to a question waiting for its answer; a line
/// nobody waits for is the caller's (Enter while waiting checks at once).
final class LineHandOff: Sendable {
    private struct Now {
        var reading = false
        var waiting = false
        var ended = false
        var line: String?
    }

    private let now = Mutex(Now())
    private let delivered = DispatchSemaphore(value: 0)

    /// Whether a reader runs: questions must wait for it instead of reading themselves.
    var isReading: Bool { now.withLock { $0.reading } }

    /// The reader has started.
    func startReading() {
        now.withLock { $0.reading = true }
    }

    /// The reader read `line`: true when a question took it.
    func give(_ line: String) -> Bool {
        let taken = now.withLock { now -> Bool in
            guard now.waiting else { return false }
            now.waiting = false
            now.line = line
            return true
        }
        if taken { delivered.signal() }
        return taken
    }

    /// The input ended: a waiting question (and every later one) gets nil.
    func end() {
        let wake = now.withLock { now -> Bool in
            now.ended = true
            defer { now.waiting = false }
            return now.waiting
        }
        if wake { delivered.signal() }
    }

    /// Waits for the reader's next line; nil at the end of input.
    func next() -> String? {
        let ended = now.withLock { now -> Bool in
            if !now.ended { now.waiting = true }
            return now.ended
        }
        if ended { return nil }
        delivered.wait()
        return now.withLock { now in
            defer { now.line = nil }
            return now.line
        }
    }
}

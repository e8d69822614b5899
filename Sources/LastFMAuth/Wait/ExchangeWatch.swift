#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Knows when an `auth.getSession` exchange is in flight, so that a signal can wait for its
/// answer: the server issues the session when it answers, and a run that ended while that answer
/// was on its way would lose a session that exists (issue #37: 2 of 12 runs signalled 0-2 ms after
/// the answer). A front's signal handling calls `settle` first, then decides what leaving means:
/// by then a session that came is the run's (`AuthFlow.wait`'s `received` has run).
public final class ExchangeWatch: Sendable {
    private let inFlight = Atomic<Int>(0)

    /// A watch with nothing in flight.
    public init() {}

    /// Whether an exchange is in flight now.
    public var isBusy: Bool { inFlight.load(ordering: .sequentiallyConsistent) > 0 }

    /// Runs `exchange`, counted as in flight until it has returned or thrown.
    func during<T>(_ exchange: () async throws(AuthError) -> T) async throws(AuthError) -> T {
        inFlight.add(1, ordering: .sequentiallyConsistent)
        defer { inFlight.subtract(1, ordering: .sequentiallyConsistent) }
        return try await exchange()
    }

    /// Blocks (on a signal's thread, never a task's) until no exchange is in flight, at most
    /// `limit`; whether it settled. The limit keeps Ctrl-C from waiting on a server that hangs.
    @discardableResult
    public func settle(within limit: Duration) -> Bool {
        let deadline = ContinuousClock.now + limit
        while isBusy {
            guard ContinuousClock.now < deadline else { return false }
            usleep(1000)
        }
        return true
    }
}

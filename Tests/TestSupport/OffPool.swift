import Dispatch

/// Runs blocking work (waitpid, a socket read, a tool run to its end) on a thread of its own. The
/// test runner's cooperative threads are as many as the cores, two on this kind of machine: one
/// blocked there holds back every other test's polling, and two block the whole run (a full run
/// here once had every test stalled for 30 s at once, and a wait that never ended hung CI).
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue(label: "off-pool").async { continuation.resume(with: Result { try body() }) }
    }
}

/// `offPool` for work that does not throw.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue(label: "off-pool").async { continuation.resume(returning: body()) }
    }
}

/// A sleep that a "check now" (or "retry now") cuts short: what the wait and the token request
/// pause with between requests.
enum Pause {
    /// Sleeps on `clock` until `deadline` or until `signal` fires; true when woken by the signal.
    @discardableResult
    static func until<C: Clock>(_ deadline: C.Instant, on clock: C, orUntil signal: CheckNowSignal) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                try? await clock.sleep(until: deadline, tolerance: nil)
                return false
            }
            group.addTask {
                await signal.next()
                return !Task.isCancelled
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}

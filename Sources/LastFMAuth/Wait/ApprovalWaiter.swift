/// Runs the wait for approval: sleeps on an injected clock, asks the server, feeds the answers
/// to an `ApprovalMachine` and publishes each new state.
public struct ApprovalWaiter<C: Clock>: Sendable where C.Duration == Duration {
    /// Asks the server once: `auth.getSession` for the token.
    public typealias Check = @Sendable () async throws(AuthError) -> Session

    private let schedule: PollingSchedule
    private let clock: C
    private let jitter: @Sendable () -> Double

    /// A waiter; nothing happens until `states(tokenAge:checkNow:check:)` is iterated.
    /// - Parameters:
    ///   - schedule: how often to check, and how to back off.
    ///   - clock: what the waits between checks sleep on: `ContinuousClock` in a program, a
    ///     manual clock in tests.
    ///   - jitter: a number in 0..<1 for each backoff; tests pass a constant.
    public init(schedule: PollingSchedule, clock: C, jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.schedule = schedule
        self.clock = clock
        self.jitter = jitter
    }

    /// The states of the wait for a token that is `tokenAge` old, ending with a final one
    /// (authorized, expired or failed). Cancelling the consumer stops the wait.
    public func states(tokenAge: Duration = .zero, checkNow: CheckNowSignal, check: @escaping Check) -> AsyncStream<WaitState> {
        let (stream, continuation) = AsyncStream.makeStream(of: WaitState.self)
        let task = Task { [schedule, clock, jitter] in
            let issued = clock.now.advanced(by: .zero - tokenAge)
            var machine = ApprovalMachine(schedule: schedule, tokenAge: tokenAge)
            continuation.yield(machine.state)
            while !machine.state.isFinal, !Task.isCancelled {
                guard let next = machine.state.nextCheck else { break }
                let woken = await Pause.until(issued.advanced(by: next), on: clock, orUntil: checkNow)
                if Task.isCancelled { break }
                let age = issued.duration(to: clock.now)
                if woken {
                    let before = machine.state
                    if machine.checkNow(at: age) != before { continuation.yield(machine.state) }
                }
                guard machine.isCheckDue(at: age) else {
                    if machine.state.isFinal { continuation.yield(machine.state) }
                    continue
                }
                let result: Result<Session, AuthError>
                do throws(AuthError) { result = .success(try await check()) } catch { result = .failure(error) }
                if Task.isCancelled { break }
                continuation.yield(machine.record(result, at: issued.duration(to: clock.now), jitter: jitter()))
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

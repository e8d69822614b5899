/// Runs the wait for approval: `ApprovalMachine` under the one `PacedDriver`, on an injected clock.
public struct ApprovalWaiter<C: Clock>: Sendable where C.Duration == Duration {
    /// Asks the server once: `auth.getSession` for the token.
    public typealias Check = @Sendable () async throws(AuthError) -> Session

    private let schedule: PollingSchedule
    private let driver: PacedDriver<C>

    /// A waiter; nothing happens until `states(tokenAge:checkNow:check:)` is iterated.
    /// - Parameters:
    ///   - schedule: how often to check, and how to back off.
    ///   - clock: what the waits between checks sleep on: `ContinuousClock` in a program, a
    ///     manual clock in tests.
    ///   - jitter: a number in 0..<1 for each backoff; tests pass a constant.
    public init(schedule: PollingSchedule, clock: C, jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.schedule = schedule
        self.driver = PacedDriver(clock: clock, jitter: jitter)
    }

    /// The states of the wait for a token that is `tokenAge` old (`approved`: one a browser brought
    /// back, checked at once), ending with a final one (authorized, expired or failed). Cancelling
    /// the consumer stops the wait.
    public func states(tokenAge: Duration = .zero, approved: Bool = false, checkNow: CheckNowSignal, check: @escaping Check) -> AsyncStream<WaitState> {
        driver.states(of: ApprovalMachine(schedule: schedule, tokenAge: tokenAge, approved: approved), startedAgo: tokenAge, now: checkNow, request: check)
    }
}

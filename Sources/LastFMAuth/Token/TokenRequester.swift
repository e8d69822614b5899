/// Runs the token request: `TokenRequestMachine` under the one `PacedDriver`, on an injected clock.
public struct TokenRequester<C: Clock>: Sendable where C.Duration == Duration {
    /// One try: resume a pending token or ask the server for a fresh one.
    public typealias Attempt = @Sendable () async throws(AuthError) -> TokenGrant

    private let policy: TokenRequestPolicy
    private let driver: PacedDriver<C>

    /// A requester; nothing happens until `states(retryNow:attempt:)` is iterated.
    /// - Parameters:
    ///   - policy: when to try again and when to stop.
    ///   - clock: what the pauses sleep on: `ContinuousClock` in a program, a manual clock in tests.
    ///   - jitter: a number in 0..<1 for each backoff; tests pass a constant.
    public init(policy: TokenRequestPolicy, clock: C, jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.policy = policy
        self.driver = PacedDriver(clock: clock, jitter: jitter)
    }

    /// The states of one request, ending with `.received` or `.failed`. Firing `retryNow` during a
    /// pause tries as soon as pacing allows. Cancelling the consumer stops the request.
    public func states(retryNow: CheckNowSignal, attempt: @escaping Attempt) -> AsyncStream<TokenRequestState> {
        driver.states(of: TokenRequestMachine(policy: policy), now: retryNow, request: attempt)
    }
}

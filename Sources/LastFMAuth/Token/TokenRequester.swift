/// Runs the token request under `TokenRequestPolicy`: asks, sleeps on an injected clock between
/// tries (or until "retry now"), and publishes each state, ending with a token or a final error.
public struct TokenRequester<C: Clock>: Sendable where C.Duration == Duration {
    /// One try: resume a pending token or ask the server for a fresh one.
    public typealias Attempt = @Sendable () async throws(AuthError) -> TokenGrant

    private let policy: TokenRequestPolicy
    private let clock: C
    private let jitter: @Sendable () -> Double

    /// A requester; nothing happens until `states(retryNow:attempt:)` is iterated.
    /// - Parameters:
    ///   - policy: when to try again and when to stop.
    ///   - clock: what the pauses sleep on: `ContinuousClock` in a program, a manual clock in tests.
    ///   - jitter: a number in 0..<1 for each backoff; tests pass a constant.
    public init(policy: TokenRequestPolicy, clock: C, jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.policy = policy
        self.clock = clock
        self.jitter = jitter
    }

    /// The states of one request, ending with `.received` or `.failed`. Firing `retryNow` during a
    /// pause tries at once. Cancelling the consumer stops the request.
    public func states(retryNow: CheckNowSignal, attempt: @escaping Attempt) -> AsyncStream<TokenRequestState> {
        let (stream, continuation) = AsyncStream.makeStream(of: TokenRequestState.self)
        let task = Task { [policy, clock, jitter] in
            var failures = 0
            while !Task.isCancelled {
                continuation.yield(.asking(failures: failures))
                let error: AuthError
                do throws(AuthError) {
                    let grant = try await attempt()
                    if !Task.isCancelled { continuation.yield(.received(grant)) }
                    break
                } catch let failure {
                    error = failure
                }
                if Task.isCancelled { break }
                failures += 1
                guard case .retry(let delay) = policy.decision(after: error, failures: failures, jitter: jitter()) else {
                    continuation.yield(.failed(error, attempts: failures))
                    break
                }
                continuation.yield(.retrying(problem: error, failures: failures, delay: delay))
                await Pause.until(clock.now.advanced(by: delay), on: clock, orUntil: retryNow)
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

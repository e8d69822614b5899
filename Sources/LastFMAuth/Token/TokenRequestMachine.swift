/// The token request as a pure state machine under `TokenRequestPolicy` (its `decision`: retry
/// after how long, or stop) and `RequestPacing` (how soon a "retry now" may go): the same pacing
/// as the wait, so a "retry now" never jumps a Retry-After or the minimum spacing. `PacedDriver`
/// runs it; times are since the request began.
public struct TokenRequestMachine: PacedMachine {
    /// When to try again and when to stop.
    public let policy: TokenRequestPolicy
    /// The current state.
    public private(set) var state: TokenRequestState = .asking(failures: 0)
    private var pacing: RequestPacing
    /// When the next try goes, while the request goes on; the first at once.
    public private(set) var nextRequest: Duration? = .zero
    /// When the last try failed, for the delay a `.retrying` state shows.
    private var failedAt: Duration = .zero

    /// A request not yet sent.
    public init(policy: TokenRequestPolicy) {
        self.policy = policy
        self.pacing = RequestPacing(schedule: policy.schedule)
    }

    /// Whether the request is over.
    public var isFinal: Bool { state.isFinal }

    /// "Retry now" (r, Enter): the pause ends as soon as pacing allows.
    @discardableResult
    public mutating func requestNow(at time: Duration) -> TokenRequestState {
        guard case .retrying(let problem, let failures, _) = state, let next = nextRequest else { return state }
        let moved = min(next, pacing.earliestNow(at: time))
        nextRequest = moved
        state = .retrying(problem: problem, failures: failures, delay: moved - failedAt)
        return state
    }

    /// Whether the next try is due at `time`.
    public mutating func isDue(at time: Duration) -> Bool {
        nextRequest.map { time >= $0 } ?? false
    }

    /// A try goes out.
    public mutating func sending(at time: Duration) {
        state = .asking(failures: pacing.failures)
    }

    /// The answer of a try that ended at `time`.
    @discardableResult
    public mutating func record(_ answer: Result<TokenGrant, AuthError>, at time: Duration, jitter: Double) -> TokenRequestState {
        guard !state.isFinal else { return state }
        switch answer {
        case .success(let grant):
            nextRequest = nil
            state = .received(grant)
        case .failure(let error):
            switch policy.decision(after: error, failures: pacing.failures + 1, jitter: jitter) {
            case .stop:
                nextRequest = nil
                state = .failed(error, attempts: pacing.failures + 1)
            case .retry(let delay):
                pacing.troubled(by: error, at: time, delay: delay)
                failedAt = time
                nextRequest = time + delay
                state = .retrying(problem: error, failures: pacing.failures, delay: delay)
            }
        }
        return state
    }
}

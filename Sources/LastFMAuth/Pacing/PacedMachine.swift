/// A request loop as a pure state machine, told what happened and when (durations since the
/// driver's start) and paced by `RequestPacing`: `TokenRequestMachine` and `ApprovalMachine`.
/// `PacedDriver` runs either on an injected clock.
public protocol PacedMachine: Sendable {
    /// What a successful request returns.
    associatedtype Answer: Sendable
    /// What a front is shown.
    associatedtype State: Equatable & Sendable

    /// The current state.
    var state: State { get }
    /// Whether the loop is over.
    var isFinal: Bool { get }
    /// When the next request is due, while the loop goes on.
    var nextRequest: Duration? { get }
    /// The person asked for a request now (at `time`): moves the next one up as far as pacing
    /// allows; returns the new state.
    @discardableResult mutating func requestNow(at time: Duration) -> State
    /// Whether the request is due at `time`; may end the loop instead (a token's time is up).
    mutating func isDue(at time: Duration) -> Bool
    /// A request goes out at `time`.
    mutating func sending(at time: Duration)
    /// The request's answer arrived at `time`; `jitter` in 0..<1 spreads the backoff. Returns the new state.
    @discardableResult mutating func record(_ answer: Result<Answer, AuthError>, at time: Duration, jitter: Double) -> State
}

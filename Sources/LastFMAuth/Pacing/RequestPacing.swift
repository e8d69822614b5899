/// The one pacing rule for every request a front waits on, the token request and the checks for
/// approval alike: after trouble, back off with jitter (`PollingSchedule.delay`), never sooner than
/// a Retry-After; a "now" from the person (Enter, r, terminal focus) moves the next request up, but
/// never closer than the minimum spacing after the last answer, nor before what the server asked
/// for (its Retry-After, or after a rate limit the whole pause). Our own backoff a "now" may cut.
/// Times are durations since the driver's start.
public struct RequestPacing: Equatable, Sendable {
    /// The backoff, its bound and the minimum spacing.
    public let schedule: PollingSchedule
    /// Trouble in a row since the last good answer.
    public private(set) var failures = 0
    /// When the last answer (good or not) came.
    public private(set) var lastAnswer: Duration?
    /// The earliest the server allows the next request, even for a "now".
    private var notBefore: Duration = .zero

    /// Pacing that has seen no answer yet.
    public init(schedule: PollingSchedule) {
        self.schedule = schedule
    }

    /// A good answer at `time` (a token, or a definite "not yet approved"): the trouble is over.
    public mutating func answered(at time: Duration) {
        failures = 0
        lastAnswer = time
    }

    /// Trouble that may pass at `time`; returns how long after it the next request goes.
    public mutating func troubled(by error: AuthError, at time: Duration, jitter: Double) -> Duration {
        let delay = schedule.delay(after: error, failures: failures + 1, jitter: jitter)
        troubled(by: error, at: time, delay: delay)
        return delay
    }

    /// Trouble that may pass at `time`, when the pause after it is already decided (the token
    /// request's `TokenRequestPolicy.decision`, which uses this same schedule).
    public mutating func troubled(by error: AuthError, at time: Duration, delay: Duration) {
        failures += 1
        lastAnswer = time
        // What the server asked for binds a "now" too; the backoff we chose ourselves does not.
        let asked = error.isRateLimit ? delay : (error.retryAfter ?? .zero)
        notBefore = max(notBefore, time + asked)
    }

    /// The earliest a request asked for at `time` may go.
    public func earliestNow(at time: Duration) -> Duration {
        var earliest = max(time, notBefore)
        if let lastAnswer { earliest = max(earliest, lastAnswer + schedule.minimumSpacing) }
        return earliest
    }
}

/// The one rule for a failed `auth.getToken`, for both fronts: trouble that may pass is tried
/// again with the wait's jittered backoff (bounded by `PollingSchedule.maxBackoff`, never sooner
/// than a Retry-After); while a person watches it never gives up on its own, and a script gets a
/// clear end after `unattendedAttempts` tries. A refused key or secret, an address that is not the
/// API (a web page, a 404), or any other definite answer, ends it at once.
public struct TokenRequestPolicy: Equatable, Sendable {
    /// What happens after a failed try.
    public enum Decision: Equatable, Sendable {
        /// Try again after this long.
        case retry(after: Duration)
        /// Stop: the error is final (or a script has tried long enough).
        case stop
    }

    /// How many tries a script gets before the request ends with the last error.
    public static let unattendedAttempts = 4

    /// The backoff and its bound.
    public var schedule: PollingSchedule
    /// Whether a person is watching (the wizard; the plain front on a terminal).
    public var attended: Bool

    /// The rule for `schedule`, attended or not.
    public init(schedule: PollingSchedule = PollingSchedule(), attended: Bool) {
        self.schedule = schedule
        self.attended = attended
    }

    /// What to do after `failures` failed tries in a row, the last with `error`; `jitter` in 0..<1.
    public func decision(after error: AuthError, failures: Int, jitter: Double) -> Decision {
        retries(after: error, failures: failures) ? .retry(after: schedule.delay(after: error, failures: failures, jitter: jitter)) : .stop
    }

    /// Whether a request that failed `failures` times in a row, the last with `error`, goes on.
    public func retries(after error: AuthError, failures: Int) -> Bool {
        guard error.isTransient, !error.isNotTheAPI else { return false }
        return attended || failures < Self.unattendedAttempts
    }
}

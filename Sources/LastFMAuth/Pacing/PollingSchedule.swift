/// How often to ask whether the user has approved, and how to back off when things go wrong.
public struct PollingSchedule: Equatable, Sendable {
    /// The check interval when none is given: also `--interval`'s default.
    public static let defaultInterval: Duration = .seconds(3)

    /// The normal time between checks.
    public var interval: Duration
    /// How long a token lives, by our own clock (GNU FM never says 15, so we must count).
    public var tokenLifetime: Duration
    /// The longest wait between checks while backing off.
    public var maxBackoff: Duration
    /// The shortest time between two requests, also for "check now" (Last.fm asks for 0.2 s at least;
    /// one second keeps a key held down from flooding the server).
    public var minimumSpacing: Duration

    /// The defaults are what the tool uses: a check every 3 s, tokens of 60 minutes, backoff up
    /// to a minute, never two requests within a second.
    public init(interval: Duration = PollingSchedule.defaultInterval, tokenLifetime: Duration = .seconds(3600),
                maxBackoff: Duration = .seconds(60), minimumSpacing: Duration = .seconds(1)) {
        self.interval = interval
        self.tokenLifetime = tokenLifetime
        self.maxBackoff = maxBackoff
        self.minimumSpacing = minimumSpacing
    }

    /// The wait after `failures` transient failures in a row: doubling from the interval, capped,
    /// with "equal jitter" (half fixed, half random from `jitter` in 0..<1) so clients spread out.
    public func backoff(failures: Int, jitter: Double) -> Duration {
        var delay = interval
        for _ in 0..<min(failures, 16) where delay < maxBackoff { delay *= 2 }
        delay = min(delay, maxBackoff)
        return delay / 2 + delay / 2 * min(max(jitter, 0), 1)
    }

    /// The pause after the `failures`-th trouble in a row ending with `error`: the backoff, or
    /// what the server asked for (Retry-After) when that is longer. The one formula for both waits.
    public func delay(after error: AuthError, failures: Int, jitter: Double) -> Duration {
        max(backoff(failures: failures, jitter: jitter), error.retryAfter ?? .zero)
    }
}

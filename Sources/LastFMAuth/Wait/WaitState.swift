/// Where the wait for the user's approval stands. Times are the token's age: the time since
/// `auth.getToken` issued it, so a front can show "checked 2 s ago" and the time left.
public enum WaitState: Equatable, Sendable {
    /// The user has not approved yet (or no check has been made); the next check is at `nextCheck`.
    case waiting(lastCheck: Duration?, nextCheck: Duration)
    /// The last check failed in a way that may pass; `failures` in a row so far; retry at `nextCheck`.
    case retrying(problem: AuthError, failures: Int, lastCheck: Duration, nextCheck: Duration)
    /// The user approved: the session to store.
    case authorized(Session)
    /// The token's lifetime ran out (by our clock or the server's error 15): a new token is needed.
    case expired
    /// The server refused in a way that waiting cannot fix (wrong key, wrong secret, ...).
    case failed(AuthError)

    /// Whether the wait is over.
    public var isFinal: Bool {
        switch self {
        case .waiting, .retrying: false
        case .authorized, .expired, .failed: true
        }
    }

    /// When the next check is due, while the wait goes on.
    public var nextCheck: Duration? {
        switch self {
        case .waiting(_, let next), .retrying(_, _, _, let next): next
        default: nil
        }
    }

    /// When the last check was made, if one was.
    public var lastCheck: Duration? {
        switch self {
        case .waiting(let last, _): last
        case .retrying(_, _, let last, _): last
        default: nil
        }
    }
}

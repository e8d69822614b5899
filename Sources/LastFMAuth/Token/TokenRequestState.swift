/// Where the request for a token stands: what a front shows while `auth.getToken` is on its way.
public enum TokenRequestState: Equatable, Sendable {
    /// A try is on its way; `failures` tries failed before it.
    case asking(failures: Int)
    /// The last try failed with trouble that may pass; the next is `delay` after it failed.
    case retrying(problem: AuthError, failures: Int, delay: Duration)
    /// A token to approve, fresh or resumed.
    case received(TokenGrant)
    /// The request ended without a token: `error` is final, or a script ran out of tries
    /// (`attempts` > 1 with a transient error).
    case failed(AuthError, attempts: Int)

    /// Whether the request is over.
    public var isFinal: Bool {
        switch self {
        case .asking, .retrying: false
        case .received, .failed: true
        }
    }
}

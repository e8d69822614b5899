/// Whether a saved session key still works, found with one authenticated `user.getInfo` call.
public enum SessionCheck: Equatable, Sendable {
    /// The server named the user the session belongs to.
    case connected(user: String)
    /// Error 9: the key no longer works (access was removed in the account's settings).
    case revoked
    /// 10, 13 or 26: the saved API key or shared secret is refused, whatever the session.
    case keyRefused(AuthError)
    /// The server cannot check a session without more than it (GNU FM's `user.getInfo` ignores
    /// the session key and demands `user`, error 6; a server without the method answers 3).
    case unverifiable(AuthError)
    /// A transient failure (network, TLS, 5xx, 8/11/16/29, a garbage answer): nothing is known.
    case couldNotCheck(AuthError)
    /// Any other answer: the check itself failed.
    case failed(AuthError)

    /// Asks the server once, with `client`'s deadline, and classifies the answer.
    public static func run(_ client: LastFMClient, sessionKey: String) async -> SessionCheck {
        do {
            return .connected(user: try await client.authenticatedUser(sessionKey: sessionKey))
        } catch {
            return classify(error)
        }
    }

    /// What an error from `user.getInfo` says about the session.
    public static func classify(_ error: AuthError) -> SessionCheck {
        switch error.apiCode {
        case .invalidSessionKey: .revoked
        case .invalidAPIKey, .invalidSignature, .suspendedAPIKey: .keyRefused(error)
        case .invalidParameters, .invalidMethod: .unverifiable(error)
        default: error.isTransient ? .couldNotCheck(error) : .failed(error)
        }
    }

    /// Whether a saved session may be kept instead of making a new one: everything but a session
    /// the server refused (revoked, or its key or secret refused). One that could not be checked
    /// now (the server down) is kept: a new one could not be had either.
    public var mayBeKept: Bool {
        switch self {
        case .revoked, .keyRefused: false
        default: true
        }
    }

    /// Whether this is no reason for alarm: connected, or saved on a server that cannot check.
    public var isGood: Bool {
        switch self {
        case .connected, .unverifiable: true
        default: false
        }
    }
}

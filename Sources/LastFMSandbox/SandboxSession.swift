/// A session the sandbox issued, as its settings page lists it.
public struct SandboxSession: Sendable, Equatable {
    /// An opaque name for the session on the applications page and its Revoke button (not its key);
    /// from code, revoke with `SandboxServer.revoke(sessionKey:)`.
    public var id: String
    /// The session key the client received.
    public var key: String
    /// Who approved it.
    public var user: String
    /// Whether access was removed; its key then answers error 9.
    public var revoked: Bool
}

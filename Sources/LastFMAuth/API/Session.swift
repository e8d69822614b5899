/// What `auth.getSession` gives: the user's name and a session key that does not expire.
public struct Session: Equatable, Sendable, Codable {
    /// The Last.fm user name, sanitised.
    public var username: String
    /// The session key: a password-equivalent for the user's account.
    public var key: String

    /// A session of `username` with `key`.
    public init(username: String, key: String) {
        self.username = username
        self.key = key
    }
}

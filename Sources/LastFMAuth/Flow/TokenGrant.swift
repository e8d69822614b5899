/// A request token ready for the user to approve.
public struct TokenGrant: Equatable, Sendable {
    /// The request token.
    public var token: String
    /// How old the token already is (non-zero when resumed from an earlier run).
    public var age: Duration
    /// Whether it came from an earlier run rather than a fresh `auth.getToken`.
    public var resumed: Bool
    /// The page where the user approves it.
    public var authorizeURL: String

    /// A grant as given.
    public init(token: String, age: Duration, resumed: Bool, authorizeURL: String) {
        self.token = token
        self.age = age
        self.resumed = resumed
        self.authorizeURL = authorizeURL
    }
}

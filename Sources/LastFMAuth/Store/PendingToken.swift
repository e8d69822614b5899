/// A token the user may be approving right now, kept so that running again resumes the wait.
public struct PendingToken: Codable, Equatable, Sendable {
    /// The API root the token was issued by: a token is only resumed with the same server.
    public var apiRoot: String
    /// The application it was issued to: only resumed with the same key.
    public var apiKey: String
    /// The token itself.
    public var token: String
    /// When `auth.getToken` issued it, in seconds since 1970 (the wall clock: it must survive a restart).
    public var issuedAt: Int64

    /// A token `apiRoot` issued to `apiKey` at `issuedAt` (seconds since 1970).
    public init(apiRoot: String, apiKey: String, token: String, issuedAt: Int64) {
        self.apiRoot = apiRoot
        self.apiKey = apiKey
        self.token = token
        self.issuedAt = issuedAt
    }

    enum CodingKeys: String, CodingKey {
        case apiRoot = "api_root"
        case apiKey = "api_key"
        case token
        case issuedAt = "issued_at"
    }

    /// The token's age at `now` (seconds since 1970); nil if the clock says it is from the future.
    public func age(now: Int64) -> Duration? {
        now >= issuedAt ? .seconds(now - issuedAt) : nil
    }
}

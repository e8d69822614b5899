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
    /// The shared secret when `apiKey` and it were made on the spot (no API account): a run that
    /// resumes the token needs both again. Never a real secret, which is kept only with the profile.
    public var madeUpSecret: String?
    /// The authorize page of the server, so that a run naming no server can take the token up
    /// there (`RunRules.serverToResume`); nil in files written before it was kept.
    public var authPage: String?

    /// A token `apiRoot` issued to `apiKey` at `issuedAt` (seconds since 1970); `madeUpSecret` with
    /// a made-up key; `authPage`, the server's authorize page.
    public init(apiRoot: String, apiKey: String, token: String, issuedAt: Int64, madeUpSecret: String? = nil, authPage: String? = nil) {
        self.apiRoot = apiRoot
        self.authPage = authPage
        self.apiKey = apiKey
        self.token = token
        self.issuedAt = issuedAt
        self.madeUpSecret = madeUpSecret
    }

    enum CodingKeys: String, CodingKey {
        case apiRoot = "api_root"
        case apiKey = "api_key"
        case token
        case issuedAt = "issued_at"
        case madeUpSecret = "made_up_secret"
        case authPage = "auth_url"
    }

    /// The token's age at `now` (seconds since 1970); nil if the clock says it is from the future.
    public func age(now: Int64) -> Duration? {
        now >= issuedAt ? .seconds(now - issuedAt) : nil
    }
}

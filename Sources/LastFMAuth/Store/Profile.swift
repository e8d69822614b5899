/// One saved account: which server, which application, and the session key the user granted.
public struct Profile: Codable, Equatable, Sendable {
    /// `lastfm`, `librefm` or `custom`.
    public var service: String
    /// The server's API root, such as `https://ws.audioscrobbler.com/2.0/`.
    public var apiRoot: String
    /// The server's authorize page.
    public var authURL: String
    /// The application's API key.
    public var apiKey: String
    /// The application's shared secret, needed to sign every call made with the session.
    public var apiSecret: String
    /// The session key: a password-equivalent for the user's account.
    public var sessionKey: String
    /// The user who approved.
    public var username: String
    /// When the session was received, ISO 8601 in UTC.
    public var createdAt: String

    /// A profile for `session`, received at `createdAt` (ISO 8601, UTC).
    public init(service: Service, apiKey: String, apiSecret: String, session: Session, createdAt: String) {
        self.service = service.kind.rawValue
        self.apiRoot = service.apiRoot.text
        self.authURL = service.authPage.text
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.sessionKey = session.key
        self.username = session.username
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case service
        case apiRoot = "api_root"
        case authURL = "auth_url"
        case apiKey = "api_key"
        case apiSecret = "api_secret"
        case sessionKey = "session_key"
        case username
        case createdAt = "created_at"
    }

    /// The service this profile talks to, if its addresses are still acceptable.
    public func resolvedService() throws(ServiceError) -> Service {
        switch Service.Kind(rawValue: service) {
        case .lastfm: .lastfm
        case .librefm: .librefm
        default: try .custom(apiRoot: apiRoot, authPage: authURL)
        }
    }
}

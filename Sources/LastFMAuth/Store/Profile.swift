/// One saved account: which server, which application, and the session key the user granted.
public struct Profile: Codable, Equatable, Sendable {
    /// `lastfm`, `librefm` or `custom`.
    public var service: String
    public var apiRoot: String
    public var authURL: String
    public var apiKey: String
    public var apiSecret: String
    public var sessionKey: String
    public var username: String
    /// When the session was received, ISO 8601 in UTC.
    public var createdAt: String

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

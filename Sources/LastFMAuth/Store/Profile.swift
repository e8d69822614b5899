/// One saved account: which server, which application, and the session key the user granted.
public struct Profile: Codable, Equatable, Sendable {
    /// A known service's id (`lastfm`, `librefm`), `sandbox` or `custom`.
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
    /// Where the shared secret and the session key are kept. In the file's entry they are left out
    /// when they are in the keyring; a profile read through `CredentialsStore` has them either way.
    public var secretPlace: SecretPlace = .file

    /// A profile for `session`, received at `createdAt` (ISO 8601, UTC).
    public init(service: Service, apiKey: String, apiSecret: String, session: Session, createdAt: String) {
        self.service = service.id
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
        case secretPlace = "secret_store"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        service = try container.decode(String.self, forKey: .service)
        apiRoot = try container.decode(String.self, forKey: .apiRoot)
        authURL = try container.decode(String.self, forKey: .authURL)
        apiKey = try container.decode(String.self, forKey: .apiKey)
        // Read back as the server's answer was checked: a name edited into the file (escape
        // sequences, a clipboard write) reaches no terminal and no --print.
        do { username = try AnswerParser.checkedUsername(try container.decode(String.self, forKey: .username)) } catch is AuthError {
            throw DecodingError.dataCorruptedError(forKey: .username, in: container, debugDescription: L("the user name is empty or over {maxUsernameBytes} bytes", ["maxUsernameBytes": "\(AnswerParser.maxUsernameBytes)"]))
        }
        createdAt = try container.decode(String.self, forKey: .createdAt)
        secretPlace = try container.decodeIfPresent(SecretPlace.self, forKey: .secretPlace) ?? .file
        // In the keyring, the file has no secrets: they are filled in from there.
        let inFile = secretPlace == .file
        apiSecret = inFile ? try container.decode(String.self, forKey: .apiSecret) : ""
        sessionKey = inFile ? try container.decode(String.self, forKey: .sessionKey) : ""
    }

    /// A profile in the file as earlier versions wrote it, unless its secrets are in the keyring:
    /// then without them, and with `"secret_store": "keyring"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(service, forKey: .service)
        try container.encode(apiRoot, forKey: .apiRoot)
        try container.encode(authURL, forKey: .authURL)
        try container.encode(apiKey, forKey: .apiKey)
        try container.encode(username, forKey: .username)
        try container.encode(createdAt, forKey: .createdAt)
        if secretPlace == .file {
            try container.encode(apiSecret, forKey: .apiSecret)
            try container.encode(sessionKey, forKey: .sessionKey)
        } else {
            try container.encode(secretPlace, forKey: .secretPlace)
        }
    }

    /// The service this profile talks to, if its addresses are still acceptable.
    public func resolvedService() throws(ServiceError) -> Service {
        try .saved(id: service, apiRoot: apiRoot, authPage: authURL)
    }
}

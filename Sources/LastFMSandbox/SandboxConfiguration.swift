import LastFMAuth

/// How a sandbox server behaves: the one application it knows, and how tokens live.
public struct SandboxConfiguration: Sendable, Equatable {
    /// The API key it accepts.
    public var apiKey: String
    /// The shared secret it checks signatures with.
    public var apiSecret: String
    /// Shown on the authorize page.
    public var applicationName: String
    /// How long a token can be exchanged for a session.
    public var tokenTTL: Duration
    /// Approve each token this long after it is issued, as `defaultUser`; nil waits for the page.
    public var approveAfter: Duration?
    /// The user name when the page or `approveAfter` grants access without naming one.
    public var defaultUser: String
    /// The loopback port to listen on; 0 picks a free one.
    public var port: Int
    /// Which real server it answers like.
    public var flavor: SandboxFlavor
    /// How long a connection may send nothing before the sandbox closes it.
    public var idleLimit: Duration

    /// A configuration; the defaults (`SandboxAccount`) are what `lastfm-auth-sandbox` uses.
    public init(apiKey: String = SandboxAccount.apiKey, apiSecret: String = SandboxAccount.apiSecret,
                applicationName: String = "lastfm-auth sandbox", tokenTTL: Duration = .seconds(3600),
                approveAfter: Duration? = nil, defaultUser: String = SandboxAccount.user, port: Int = 0, flavor: SandboxFlavor = .lastfm,
                idleLimit: Duration = .seconds(60)) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.applicationName = applicationName
        self.tokenTTL = tokenTTL
        self.approveAfter = approveAfter
        self.defaultUser = defaultUser
        self.port = port
        self.flavor = flavor
        self.idleLimit = idleLimit
    }
}

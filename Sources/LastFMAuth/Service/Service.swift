/// A Last.fm-compatible service: where its API lives and where users approve a token. One of
/// `KnownService.all`, a custom server, or the built-in sandbox.
public struct Service: Equatable, Sendable {
    /// The entry of `KnownService.all` this is, or nil for a custom server or the sandbox.
    public let known: KnownService?
    /// The API root, such as `https://ws.audioscrobbler.com/2.0/`.
    public let apiRoot: WebAddress
    /// The page where the user approves a token, such as `https://www.last.fm/api/auth/`.
    public let authPage: WebAddress
    /// Whether this is the built-in sandbox (which checks keys, as Last.fm does).
    public let isSandbox: Bool

    /// A known service.
    init(known: KnownService) {
        self.known = known
        apiRoot = known.apiRoot
        authPage = known.authPage
        isSandbox = false
    }

    private init(apiRoot: WebAddress, authPage: WebAddress, sandbox: Bool) {
        known = nil
        self.apiRoot = apiRoot
        self.authPage = authPage
        isSandbox = sandbox
    }

    /// Last.fm itself, the default.
    public static var lastfm: Service { KnownService.named("lastfm")!.service }

    /// Libre.fm, the public GNU FM server.
    public static var librefm: Service { KnownService.named("librefm")!.service }

    /// A custom server; both addresses must use HTTPS unless they point at this machine.
    public static func custom(apiRoot: String, authPage: String) throws(ServiceError) -> Service {
        Service(apiRoot: try WebAddress(apiRoot), authPage: try WebAddress(authPage), sandbox: false)
    }

    /// The service a profile names: a known one by its id, else the custom server (or sandbox,
    /// for `sandbox`) at the profile's addresses, if they are still acceptable.
    public static func saved(id: String, apiRoot: String, authPage: String) throws(ServiceError) -> Service {
        if let known = KnownService.named(id) { return known.service }
        return Service(apiRoot: try WebAddress(apiRoot), authPage: try WebAddress(authPage), sandbox: id == "sandbox")
    }

    /// The built-in sandbox at `address`.
    public static func sandbox(at address: SandboxAddress) -> Service {
        Service(apiRoot: try! WebAddress(address.apiRoot), authPage: try! WebAddress(address.authPage), sandbox: true)
    }

    /// The name a profile and the keyring keep: the known service's id, `sandbox` or `custom`.
    public var id: String {
        known?.id ?? (isSandbox ? "sandbox" : "custom")
    }

    /// Whether this is a custom server, whose addresses the person gave (and may have got wrong).
    public var isCustom: Bool { known == nil && !isSandbox }

    /// The page that lets the user approve `token` for the application with `apiKey`.
    public func authorizeURL(apiKey: String, token: String) -> String {
        let separator = authPage.text.contains("?") ? "&" : "?"
        let query = FormEncoding.encode([("api_key", apiKey), ("token", token)])
        return authPage.text + separator + query
    }

    /// The web flow's authorize page: no token (the server makes one), and after approval the
    /// browser is sent to `callback` with `token=` appended. Last.fm and GNU FM both take it; a
    /// page with both `token` and `cb` matches neither of GNU FM's flows, so this one has no token.
    public func webAuthorizeURL(apiKey: String, callback: String) -> String {
        let separator = authPage.text.contains("?") ? "&" : "?"
        return authPage.text + separator + FormEncoding.encode([("api_key", apiKey), ("cb", callback)])
    }

    /// Whether the service checks API keys and signatures: a known service says; the sandbox does;
    /// a custom server is nil, unknown (often GNU FM, sometimes not). Where it is not known to
    /// check, a person may go on without an API account.
    public var checksAPIKeys: Bool? {
        known?.checksAPIKeys ?? (isSandbox ? true : nil)
    }

    /// Whether a person may go on without an API account (a key and secret made on the spot):
    /// wherever the service is not known to check keys.
    public var mayGoWithoutAPIAccount: Bool { checksAPIKeys != true }

    /// A short human name: the known service's, or the API host.
    public var displayName: String {
        known?.displayName ?? apiRoot.host
    }
}

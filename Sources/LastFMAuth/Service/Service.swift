/// A Last.fm-compatible service: where its API lives and where users approve a token.
public struct Service: Equatable, Sendable, Codable {
    /// Which kind of service this is; custom servers carry their own URLs.
    public enum Kind: String, Equatable, Sendable, Codable, CaseIterable {
        /// Last.fm.
        case lastfm
        /// Libre.fm.
        case librefm
        /// Any other compatible server.
        case custom
    }

    /// Which service this is.
    public let kind: Kind
    /// The API root, such as `https://ws.audioscrobbler.com/2.0/`.
    public let apiRoot: WebAddress
    /// The page where the user approves a token, such as `https://www.last.fm/api/auth/`.
    public let authPage: WebAddress

    /// Last.fm itself.
    public static let lastfm = Service(
        kind: .lastfm,
        apiRoot: WebAddress(validated: "https://ws.audioscrobbler.com/2.0/", scheme: "https", host: "ws.audioscrobbler.com"),
        authPage: WebAddress(validated: "https://www.last.fm/api/auth/", scheme: "https", host: "www.last.fm")
    )

    /// Libre.fm, the public GNU FM server.
    public static let librefm = Service(
        kind: .librefm,
        apiRoot: WebAddress(validated: "https://libre.fm/2.0/", scheme: "https", host: "libre.fm"),
        authPage: WebAddress(validated: "https://libre.fm/api/auth/", scheme: "https", host: "libre.fm")
    )

    /// A custom server; both addresses must use HTTPS unless they point at this machine.
    public static func custom(apiRoot: String, authPage: String) throws(ServiceError) -> Service {
        Service(kind: .custom, apiRoot: try WebAddress(apiRoot), authPage: try WebAddress(authPage))
    }

    /// The page that lets the user approve `token` for the application with `apiKey`.
    public func authorizeURL(apiKey: String, token: String) -> String {
        let separator = authPage.text.contains("?") ? "&" : "?"
        let query = FormEncoding.encode([("api_key", apiKey), ("token", token)])
        return authPage.text + separator + query
    }

    /// Whether the service checks API keys and signatures: Last.fm does; Libre.fm (GNU FM) checks
    /// neither (docs/protocol.md); a custom server is nil, unknown (often GNU FM, sometimes not).
    /// Where it is not known to check, a person may go on without an API account.
    public var checksAPIKeys: Bool? {
        switch kind {
        case .lastfm: true
        case .librefm: false
        case .custom: nil
        }
    }

    /// Whether a person may go on without an API account (a key and secret made on the spot):
    /// wherever the service is not known to check keys.
    public var mayGoWithoutAPIAccount: Bool { checksAPIKeys != true }

    /// A short human name: "Last.fm", "Libre.fm" or the custom API host.
    public var displayName: String {
        switch kind {
        case .lastfm: "Last.fm"
        case .librefm: "Libre.fm"
        case .custom: apiRoot.host
        }
    }
}

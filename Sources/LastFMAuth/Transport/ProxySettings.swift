/// The proxy to use for a host, from the usual environment variables: `HTTPS_PROXY` (for https)
/// or `HTTP_PROXY` (for http), else `ALL_PROXY`, each also in lower case, with `NO_PROXY` exceptions.
public struct ProxySettings: Equatable, Sendable {
    /// `http` (CONNECT tunnels), `https`, `socks5`, `socks5h`, `socks4` or `socks4a`.
    public var scheme: String
    /// The proxy's host name or address.
    public var host: String
    /// Its port.
    public var port: Int
    /// `user:password` from the proxy URL, if it had one.
    public var credentials: (user: String, password: String)?

    /// A proxy at `host`:`port`, spoken to with `scheme`.
    public init(scheme: String = "http", host: String, port: Int, credentials: (user: String, password: String)? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.credentials = credentials
    }

    public static func == (lhs: ProxySettings, rhs: ProxySettings) -> Bool {
        lhs.scheme == rhs.scheme && lhs.host == rhs.host && lhs.port == rhs.port && lhs.credentials?.user == rhs.credentials?.user
            && lhs.credentials?.password == rhs.credentials?.password
    }

    /// `scheme://host:port`, without credentials: for libcurl and for messages.
    public var address: String {
        "\(scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    /// The proxy for a request to `scheme://host`, or nil for a direct connection.
    /// Loopback hosts never go through a proxy.
    public static func forTarget(scheme: String, host: String, environment: [String: String]) -> ProxySettings? {
        if WebAddress.isLoopback(host: host) { return nil }
        let noProxy = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
        for entry in noProxy.split(separator: ",").map({ $0.trimmingWhitespace().lowercased() }) where !entry.isEmpty {
            if entry == "*" { return nil }
            let suffix = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            if host == suffix || host.hasSuffix("." + suffix) { return nil }
        }
        let names = (scheme == "https" ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"]) + ["all_proxy", "ALL_PROXY"]
        guard let raw = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return nil }
        return parse(raw)
    }

    /// Reads `[scheme://][user:password@]host[:port][/]`; the scheme defaults to http, the port
    /// to 1080 for SOCKS, 443 for https and 80 otherwise.
    static func parse(_ raw: String) -> ProxySettings? {
        var rest = Substring(raw.trimmingWhitespace())
        var scheme = "http"
        if let schemeEnd = rest.firstRange(of: "://") {
            scheme = rest[..<schemeEnd.lowerBound].lowercased()
            rest = rest[schemeEnd.upperBound...]
        }
        guard ["http", "https", "socks4", "socks4a", "socks5", "socks5h"].contains(scheme) else { return nil }
        rest = rest.prefix { $0 != "/" }
        var credentials: (String, String)?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            credentials = (String(userInfo[0]), userInfo.count > 1 ? String(userInfo[1]) : "")
            rest = rest[rest.index(after: at)...]
        }
        var host = rest
        var port = scheme.hasPrefix("socks") ? 1080 : scheme == "https" ? 443 : 80
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else { return nil }
            port = number
            host = rest[..<colon]
        }
        host = host.hasPrefix("[") ? host.dropFirst().dropLast() : host
        guard !host.isEmpty else { return nil }
        return ProxySettings(scheme: scheme, host: String(host), port: port, credentials: credentials)
    }
}

/// The proxy to use for a host, from the usual environment variables
/// (`HTTPS_PROXY`/`https_proxy`, `HTTP_PROXY`/`http_proxy`, `NO_PROXY`/`no_proxy`).
public struct ProxySettings: Equatable, Sendable {
    public var host: String
    public var port: Int
    /// `user:password` from the proxy URL, if it had one.
    public var credentials: (user: String, password: String)?

    public static func == (lhs: ProxySettings, rhs: ProxySettings) -> Bool {
        lhs.host == rhs.host && lhs.port == rhs.port && lhs.credentials?.user == rhs.credentials?.user
            && lhs.credentials?.password == rhs.credentials?.password
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
        let names = scheme == "https" ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"]
        guard let raw = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return nil }
        return parse(raw)
    }

    /// Reads `[http://][user:password@]host[:port][/]`; the port defaults to 80.
    static func parse(_ raw: String) -> ProxySettings? {
        var rest = Substring(raw.trimmingWhitespace())
        if let schemeEnd = rest.range(of: "://") { rest = rest[schemeEnd.upperBound...] }
        rest = rest.prefix { $0 != "/" }
        var credentials: (String, String)?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            credentials = (String(userInfo[0]), userInfo.count > 1 ? String(userInfo[1]) : "")
            rest = rest[rest.index(after: at)...]
        }
        var host = rest
        var port = 80
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else { return nil }
            port = number
            host = rest[..<colon]
        }
        host = host.hasPrefix("[") ? host.dropFirst().dropLast() : host
        guard !host.isEmpty else { return nil }
        return ProxySettings(host: String(host), port: port, credentials: credentials)
    }
}

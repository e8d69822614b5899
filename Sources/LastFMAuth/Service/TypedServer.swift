/// A custom server's addresses as people type them, made usable before the first request: a host
/// typed without a scheme gets `https://` (`libre.fm`), an API root without its trailing slash gets
/// it (`/2.0` → `/2.0/`: most web servers answer the slashless path with a redirect, which the flow
/// refuses), a bare host gets `/2.0/`, and a missing authorize page is derived from the API root
/// (same scheme and host, `/api/auth/`, where GNU FM serves it).
public struct TypedServer: Equatable, Sendable {
    /// The server to use.
    public let service: Service
    /// The API root as typed, when it was changed.
    public let typedAPIRoot: String?
    /// Whether the authorize page was derived from the API root rather than typed.
    public let derivedAuthPage: Bool

    /// Checks and completes the addresses; `authPage` nil or empty derives it.
    public init(apiRoot: String, authPage: String?) throws(ServiceError) {
        let typed = apiRoot.trimmingWhitespace()
        let root = try WebAddress(Self.completedAPIRoot(typed))
        let page = authPage.map { $0.trimmingWhitespace() } ?? ""
        service = try .custom(apiRoot: root.text, authPage: page.isEmpty ? Self.authPage(for: root) : page)
        typedAPIRoot = root.text == typed ? nil : typed
        derivedAuthPage = page.isEmpty
    }

    /// `typed` with `https://` before a host typed without a scheme, `/2.0/` after a bare host, or a
    /// slash after a path that lacks one.
    public static func completedAPIRoot(_ typed: String) -> String {
        guard let schemeEnd = typed.firstRange(of: "://") else {
            return looksLikeHost(typed) ? completedAPIRoot("https://" + typed) : typed
        }
        let rest = typed[schemeEnd.upperBound...]
        guard !rest.contains("?"), !rest.contains("#") else { return typed }
        let path = rest.drop { $0 != "/" }
        if path.isEmpty || path == "/" { return typed[..<path.startIndex] + "/2.0/" }
        return path.hasSuffix("/") ? typed : typed + "/"
    }

    /// Whether `typed` starts with something that can only be a host: a name with a dot
    /// (`libre.fm`), `localhost`, or either with a port; not a bare word, a path or a sentence.
    private static func looksLikeHost(_ typed: String) -> Bool {
        let host = typed.prefix { $0 != "/" && $0 != ":" }
        let allowed = host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        return allowed && !host.isEmpty && !host.hasPrefix(".") && !host.hasPrefix("-") && (host.contains(".") || host == "localhost")
    }

    /// The authorize page GNU FM serves beside `apiRoot`: same scheme and host, `/api/auth/`.
    public static func authPage(for apiRoot: WebAddress) -> String {
        origin(of: apiRoot) + "/api/auth/"
    }

    /// `scheme://host[:port]` of `address`.
    public static func origin(of address: WebAddress) -> String {
        let text = address.text
        let schemeEnd = text.firstRange(of: "://")!.upperBound
        return String(text[..<schemeEnd]) + String(text[schemeEnd...].prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }
}

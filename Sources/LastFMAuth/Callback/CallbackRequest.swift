/// One request that reached the loopback listener, as libmicrohttpd parsed it: what is judged.
public struct CallbackRequest: Equatable, Sendable {
    /// The request's method; nil only if the parser gave none.
    public var method: String?
    /// The path, without the query.
    public var path: String?
    /// The `Host` header.
    public var host: String?
    /// The query's `token`, if it has one.
    public var token: String?

    /// A request as parsed.
    public init(method: String?, path: String?, host: String?, token: String?) {
        self.method = method
        self.path = path
        self.host = host
        self.token = token
    }

    /// What the request is worth to a wait whose callback is `address`. Only a GET of the exact
    /// address, with our `Host` (a page on another name that a DNS answer points here is not us),
    /// carries an approval; a token must look like one before it is sent anywhere.
    public func verdict(at address: CallbackAddress) -> CallbackVerdict {
        guard host == address.host else { return .refused(.wrongHost) }
        guard let path, address.isPath(path) else { return .refused(.notFound) }
        guard method == "GET" else { return .refused(.wrongMethod) }
        guard let token, !token.isEmpty else { return .declined }
        guard (try? AnswerParser.checkedToken(token)) != nil else { return .refused(.notAToken) }
        return .approved(token: token)
    }
}

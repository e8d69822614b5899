import Logging

/// Signs and sends the two auth calls, and reads their answers.
public struct LastFMClient: Sendable {
    /// The server the calls go to.
    public let service: Service
    /// The application's API key.
    public let apiKey: String
    /// Only ever used to sign, and to save it with the session (`AuthFlow.save`).
    let secret: String
    private let transport: any HTTPTransport
    private let logger: Logger

    /// A client for one application on one server.
    /// - Parameters:
    ///   - service: the server the calls go to.
    ///   - apiKey: the application's API key (32 hex characters).
    ///   - secret: its shared secret; only ever used to sign, never sent or logged.
    ///   - transport: what sends the requests: `CurlTransport` in a program.
    ///   - logger: receives one line per request and answer, with secrets redacted.
    public init(service: Service, apiKey: String, secret: String, transport: any HTTPTransport, logger: Logger = Logger(label: "lastfm-auth", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.service = service
        self.apiKey = apiKey
        self.secret = secret
        self.transport = transport
        self.logger = logger
    }

    /// `auth.getToken`: a fresh request token for the user to approve.
    public func getToken() async throws(AuthError) -> String {
        switch try await call("auth.getToken", [:]) {
        case .token(let token): return token
        default: throw .badResponse(L("auth.getToken did not return a token"))
        }
    }

    /// `auth.getSession`: the session once the user has approved `token`; error 14 until then.
    public func getSession(token: String) async throws(AuthError) -> Session {
        switch try await call("auth.getSession", ["token": token]) {
        case .session(let session): return session
        default: throw .badResponse(L("auth.getSession did not return a session"))
        }
    }

    /// `user.getInfo`, signed and authenticated with `sessionKey` and no `user` parameter: the
    /// name of the user the session belongs to. Last.fm answers error 9 once access was revoked.
    public func authenticatedUser(sessionKey: String) async throws(AuthError) -> String {
        switch try await call("user.getInfo", ["sk": sessionKey]) {
        case .user(let name): return name
        default: throw .badResponse(L("user.getInfo did not return a user"))
        }
    }

    /// The page where the user approves `token`.
    public func authorizeURL(token: String) -> String {
        service.authorizeURL(apiKey: apiKey, token: token)
    }

    /// The signed form body for `method` with `extra` parameters, in a stable order. Throws only
    /// when the system's libcrypto cannot sign (`SignatureError`).
    public func signedForm(_ method: String, _ extra: [String: String]) throws(SignatureError) -> [(String, String)] {
        var parameters = extra
        parameters["method"] = method
        parameters["api_key"] = apiKey
        let signature = try Signature.sign(parameters, secret: secret)
        parameters["api_sig"] = signature
        parameters["format"] = "json"
        return parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Whether a Last.fm-compatible API answers at the API root, asked before any key is used: a
    /// request naming no method, which every such API refuses with an error of its own (6 or 3).
    /// Nil when an API answered (an error or even a token); else what answered instead (a web page,
    /// a 404, a web server's 405 or 501, no TLS, nothing), for `RunRules.afterProbe`.
    public func probe() async -> AuthError? {
        do {
            _ = try await send("(probe)", form: [("format", "json")])
            return nil
        } catch {
            if case .api = error { return nil }
            return error
        }
    }

    private func call(_ method: String, _ extra: [String: String]) async throws(AuthError) -> Answer {
        let form: [(String, String)]
        do throws(SignatureError) { form = try signedForm(method, extra) } catch { throw .transport(TransportError(.other, error.description)) }
        return try await send(method, form: form)
    }

    private func send(_ method: String, form: [(String, String)]) async throws(AuthError) -> Answer {
        let request = HTTPRequest(
            method: .post,
            url: service.apiRoot.text,
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                ("Accept", "application/json, application/xml;q=0.5"),
                ("User-Agent", "lastfm-auth/\(ToolVersion.current)"),
            ],
            body: Array(FormEncoding.encode(form).utf8)
        )
        logger.debug("→ POST \(service.apiRoot.text) \(Redaction.describe(form))")
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            logger.debug("← \(method): \(error.kind.rawValue): \(error.detail)")
            throw .transport(error)
        }
        logger.debug("← \(method): HTTP \(response.status), \(response.body.count) bytes: \(Redaction.describeAnswer(response.body))")
        return try interpret(response)
    }

    /// Whether an answer that is not the API's is a web page: an HTML document (GNU FM sends its
    /// XML answers as text/html too, but those parse, so only unreadable ones get here).
    private static func isWebPage(_ response: HTTPResponse) -> Bool {
        let start = String(decoding: response.body.prefix(512), as: UTF8.self).trimmingWhitespace().lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || (response.headers["content-type"] ?? "").lowercased().hasPrefix("text/html")
    }

    /// Reads the body whatever the status: Last.fm sends API errors with 200 and with 4xx.
    private func interpret(_ response: HTTPResponse) throws(AuthError) -> Answer {
        if (300..<400).contains(response.status) {
            let target = Sanitizer.clean(response.headers["location"] ?? L("another address"))
            let root = service.apiRoot.text
            let path = String(root.dropFirst(TypedServer.origin(of: service.apiRoot).count))
            // "/2.0" → "/2.0/" (absolute or not): the same address with a slash; say the whole one to use.
            if target == root + "/" || target == path + "/" {
                throw .transport(TransportError(.redirect, L("the server redirected to {target}, the same address with a slash added; use {root}/ as the API root", ["target": "\(target)", "root": "\(root)"])))
            }
            throw .transport(TransportError(.redirect, L("the server redirected to {target}; redirects are refused so the token stays with the chosen server", ["target": "\(target)"])))
        }
        let answer: Answer
        do {
            answer = try AnswerParser.parse(response.body)
        } catch {
            // An error status keeps its meaning (a 503 page is transient, with its Retry-After).
            if (200..<300).contains(response.status), Self.isWebPage(response) { throw .webPage(status: response.status) }
            if !(200..<300).contains(response.status) { throw .httpStatus(response.status, retryAfter: response.retryAfter) }
            throw error
        }
        if case .error(let code, let message) = answer {
            throw .api(code: code, message: message, retryAfter: response.retryAfter)
        }
        return answer
    }
}

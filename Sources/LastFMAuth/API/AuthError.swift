/// Everything that can go wrong in the auth flow, typed so each front can say what to do.
public enum AuthError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The server answered with a Last.fm error. `code` is raw so unknown codes survive;
    /// `message` is the server's text, already sanitised; `retryAfter` from the header if any.
    case api(code: Int, message: String, retryAfter: Duration? = nil)
    /// The server answered with something that is not a valid Last.fm answer.
    case badResponse(String)
    /// An HTTP error status with no Last.fm error in the body; `retryAfter` from the header.
    case httpStatus(Int, retryAfter: Duration?)
    /// No usable answer at all.
    case transport(TransportError)
    /// A web page (HTML) with a success status where an API answer should be: a site's root or a
    /// wrong path given as the API root, or a captive portal in the way. `status` is its HTTP status.
    case webPage(status: Int)

    /// The known code of an `.api` error.
    public var apiCode: APIErrorCode? {
        if case .api(let code, _, _) = self { return APIErrorCode(rawValue: code) }
        return nil
    }

    /// Whether trying again later may help: 8/11/16/29, HTTP 429 and 5xx, timeouts and resets,
    /// and garbage answers (a proxy or captive portal in the way is often gone a moment later).
    public var isTransient: Bool {
        switch self {
        case .api: apiCode?.isTransient ?? false
        case .badResponse: true
        case .httpStatus(let status, _): status == 429 || status == 408 || (500...599).contains(status)
        case .transport(let error): error.isTransient
        case .webPage: true  // a portal's page passes; `TokenRequestPolicy` does not wait for a site's
        }
    }

    /// Whether the address answered with something other than the API: a web page, a 404, or
    /// the refusal of a plain web server that takes no POST (405, as nginx answers; 501, as
    /// Python's http.server does). Before a token exists this means the address is wrong, so
    /// nothing is retried.
    public var isNotTheAPI: Bool {
        switch self {
        case .webPage: true
        case .httpStatus(let status, _): Self.notTheAPIStatuses.contains(status)
        default: false
        }
    }

    /// The HTTP statuses no Last.fm-compatible API answers its POST with: no such path, or a web
    /// server that does not take POST at all.
    static let notTheAPIStatuses: Set<Int> = [404, 405, 501]

    /// Whether the address itself is the likely fault: no API there (a web page, a 404), no TLS
    /// where HTTPS was asked for, or a redirect (refused, so it leads nowhere). A certificate refused
    /// is the server's or this machine's to fix, not the address.
    public var blamesAddress: Bool {
        if isNotTheAPI { return true }
        guard case .transport(let failure) = self else { return false }
        return failure.kind == .handshake || failure.kind == .redirect
    }

    /// Whether this answer settles a wait for approval for good: the token was refused or spent
    /// (4), or the key or secret is wrong or suspended (10, 13, 26). Anything else met while a
    /// person is on the authorize page (an oversized answer, a redirect from a captive portal, a
    /// TLS failure, an unknown code) may pass, and the token is still good: it is retried.
    public var endsTheWait: Bool {
        switch apiCode {
        case .authenticationFailed, .invalidAPIKey, .invalidSignature, .suspendedAPIKey: true
        default: false
        }
    }

    /// The field the person must fix when the server refused it, if any: the key for 10 and 26,
    /// the secret for 13.
    public var blamedField: CredentialField? {
        switch apiCode {
        case .invalidAPIKey, .suspendedAPIKey: .apiKey
        case .invalidSignature: .secret
        default: nil
        }
    }

    /// Whether the server asked us to slow down (error 29 or HTTP 429/503).
    public var isRateLimit: Bool {
        switch self {
        case .api: apiCode == .rateLimitExceeded
        case .httpStatus(let status, _): status == 429 || status == 503
        default: false
        }
    }

    /// How long the server asked us to wait, if it did.
    public var retryAfter: Duration? {
        switch self {
        case .api(_, _, let after), .httpStatus(_, let after): after
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .api(let code, let message, _):
            // The server's own words are the cause when it sent some; the code's meaning otherwise.
            guard message.isEmpty else {
                return L("error {code} from the server: {message}", ["code": "\(code)", "message": Self.withoutFinalStop(message)])
            }
            let meaning = APIErrorCode(rawValue: code)?.meaning ?? L("the server reported an error")
            return L("{meaning} (error {code})", ["code": "\(code)", "meaning": "\(meaning)"])
        case .badResponse(let detail):
            return L("the server's answer is not a valid Last.fm answer: {detail}", ["detail": "\(detail)"])
        case .httpStatus(404, _):
            return L("there is no Last.fm-compatible API at this address (HTTP 404)")
        case .httpStatus(let status, _) where Self.notTheAPIStatuses.contains(status):
            return L("this address is a web server that takes no API requests, not the Last.fm API (HTTP {status})", ["status": "\(status)"])
        case .httpStatus(let status, _):
            return L("the server answered HTTP {status}", ["status": "\(status)"])
        case .webPage(let status):
            return L("this address serves a web page, not the Last.fm API (HTTP {status})", ["status": "\(status)"])
        case .transport(let error):
            return error.description
        }
    }

    /// A server's message without its closing full stop, so a sentence can go on after it.
    static func withoutFinalStop(_ message: String) -> String {
        message.hasSuffix(".") && !message.hasSuffix("..") ? String(message.dropLast()) : message
    }
}

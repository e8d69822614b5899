import LastFMAuth
import Synchronization
import TestSupport

/// A Last.fm-compatible server as a transport, answering each method from a script (the last
/// answer repeats), in Last.fm's JSON; it records which methods were called, in order.
final class ScriptedServer: HTTPTransport {
    /// One answer.
    enum Reply: Sendable {
        /// `auth.getToken`'s token.
        case token(String)
        /// `auth.getSession`'s session.
        case session(user: String, key: String)
        /// `user.getInfo`'s user: the saved session works.
        case user(String)
        /// A Last.fm error (JSON, HTTP 400 as Last.fm sends it).
        case error(Int, String)
        /// An HTTP status without a Last.fm body, with a Retry-After in seconds.
        case http(Int, retryAfter: Int?)
        /// Any body with this status and content type (a web page, a captive portal).
        case page(Int, contentType: String, body: String)
        /// No connection.
        case down
        /// Another transport failure (TLS, a timeout).
        case broken(TransportError)
    }

    private let script: Mutex<[String: [Reply]]>
    private let log = Mutex<[(String, Duration)]>([])
    /// The clock the calls are timed on, if any.
    let clock: ManualClock?

    /// A server answering `getToken` and `getSession` from these lists; calls are timed on `clock`.
    init(getToken: [Reply] = [.token(TestCredentials.token)], getSession: [Reply], getInfo: [Reply] = [], clock: ManualClock? = nil) {
        script = Mutex(["auth.getToken": getToken, "auth.getSession": getSession, "user.getInfo": getInfo])
        self.clock = clock
    }

    /// The methods called so far, in order.
    var calls: [String] { log.withLock { $0.map(\.0) } }

    /// When each call of `method` came, on the clock.
    func times(of method: String) -> [Duration] { log.withLock { $0.filter { $0.0 == method }.map(\.1) } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let form = String(decoding: request.body, as: UTF8.self)
        let method = form.split(separator: "&").first { $0.hasPrefix("method=") }.map { String($0.dropFirst("method=".count)) } ?? ""
        log.withLock { $0.append((method, clock?.now.offset ?? .zero)) }
        let reply = script.withLock { script -> Reply? in
            guard var replies = script[method], let first = replies.first else { return nil }
            if replies.count > 1 { replies.removeFirst() }
            script[method] = replies
            return first
        }
        switch reply {
        case .token(let token)?: return Self.json(200, #"{"token":"\#(token)"}"#)
        case .session(let user, let key)?: return Self.json(200, #"{"session":{"name":"\#(user)","key":"\#(key)","subscriber":0}}"#)
        case .user(let name)?: return Self.json(200, #"{"user":{"name":"\#(name)"}}"#)
        case .error(let code, let message)?: return Self.json(400, #"{"error":\#(code),"message":"\#(message)"}"#)
        case .http(let status, let after)?:
            return HTTPResponse(status: status, headers: after.map { ["retry-after": "\($0)"] } ?? [:], body: Array("busy".utf8))
        case .page(let status, let type, let body)?: return HTTPResponse(status: status, headers: ["content-type": type], body: Array(body.utf8))
        case .broken(let failure)?: throw failure
        case .down?, nil: throw TransportError(.unreachable, "could not connect to 127.0.0.1:9: connection refused")
        }
    }

    private static func json(_ status: Int, _ body: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["content-type": "application/json"], body: Array(body.utf8))
    }
}

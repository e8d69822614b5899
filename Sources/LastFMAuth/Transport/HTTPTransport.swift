/// Sends one HTTP request and returns the whole answer. The only way the core reaches the network.
///
/// A test double is a few lines:
/// ```swift
/// struct CannedTransport: HTTPTransport {
///     let answer: HTTPResponse
///     func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse { answer }
/// }
/// ```
public protocol HTTPTransport: Sendable {
    /// Sends `request`; throws only `TransportError`, never for an HTTP error status.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}

/// An HTTP request as the core builds it.
public struct HTTPRequest: Equatable, Sendable {
    /// The two methods the Last.fm API takes.
    public enum Method: String, Sendable {
        /// Parameters in the query.
        case get = "GET"
        /// Parameters in a form body: keeps signatures and session keys out of server logs.
        case post = "POST"
    }
    /// GET or POST.
    public var method: Method
    /// The whole address, query included.
    public var url: String
    /// Header names and values, in order.
    public var headers: [(String, String)]
    /// The body: a form for POST, empty for GET.
    public var body: [UInt8]

    /// A request as given.
    public init(method: Method, url: String, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.0): \($0.1)" } == rhs.headers.map { "\($0.0): \($0.1)" }
    }
}

/// An HTTP answer with its body read in full (at most `HTTPResponse.maxBodySize` bytes).
public struct HTTPResponse: Equatable, Sendable {
    /// Bodies larger than this are refused: no Last.fm auth answer comes close.
    public static let maxBodySize = 1 << 20

    /// The HTTP status code.
    public var status: Int
    /// Header names lowercased.
    public var headers: [String: String]
    /// The body, read in full.
    public var body: [UInt8]

    /// An answer; header names are lowercased.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    /// `Retry-After` in whole seconds, when the server sent one in that form.
    public var retryAfter: Duration? {
        guard let text = headers["retry-after"]?.trimmingWhitespace(), let seconds = Int(text), seconds >= 0 else { return nil }
        return .seconds(min(seconds, 3600))
    }
}

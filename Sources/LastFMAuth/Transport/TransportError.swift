/// A request that got no usable HTTP answer.
public struct TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure it was, for deciding whether to retry.
    public enum Kind: String, Equatable, Sendable {
        /// No answer within the deadline (connect, first byte, or the whole body).
        case timeout
        /// Could not connect, or the connection was reset or closed early.
        case connection
        /// The TLS handshake or certificate check failed: not worth retrying.
        case tls
        /// The server redirected; redirects are refused so a token never leaves the chosen host.
        case redirect
        /// The body was larger than `HTTPResponse.maxBodySize`.
        case tooLarge
        /// The request was cancelled before it finished (its task was cancelled).
        case cancelled
        /// Anything else the HTTP client reported.
        case other
    }

    /// What kind of failure it was.
    public var kind: Kind
    /// A short, human explanation (already free of control characters).
    public var detail: String

    /// A failure of `kind`, said in `detail`.
    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = Sanitizer.clean(detail)
    }

    /// Whether trying again later may help.
    public var isTransient: Bool { kind == .timeout || kind == .connection }

    public var description: String { detail }
}

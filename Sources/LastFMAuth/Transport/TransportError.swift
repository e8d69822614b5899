/// A request that got no usable HTTP answer.
public struct TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure it was, for deciding whether to retry.
    public enum Kind: String, Equatable, Sendable {
        /// No answer within the deadline (connect, first byte, or the whole body).
        case timeout
        /// Nothing answered at the address: its name does not resolve, or the connection was
        /// refused. A server may be down for a moment; an address may also be wrong (port, host).
        case unreachable
        /// A connection was reset or closed early, or a proxy could not be reached or refused.
        case connection
        /// The TLS handshake failed: often not an HTTPS server at all. Not worth retrying.
        case handshake
        /// The certificate check failed, or the trusted certificates could not be read: not worth retrying.
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
    public var isTransient: Bool { kind == .timeout || kind == .connection || kind == .unreachable }

    public var description: String { detail }
}

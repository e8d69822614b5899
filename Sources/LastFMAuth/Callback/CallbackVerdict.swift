/// What a request to the loopback listener means for the wait.
public enum CallbackVerdict: Equatable, Sendable {
    /// The browser came back with a token: exchange it for the session.
    case approved(token: String)
    /// The browser came back without one (the person denied access): the wait goes on.
    case declined
    /// Not a callback of ours: answered with a bare error page; the wait never hears of it.
    case refused(Refusal)

    /// Why a request is not taken.
    public enum Refusal: Equatable, Sendable {
        /// `Host` is not 127.0.0.1 and the port (another name, as DNS rebinding would send).
        case wrongHost
        /// Another path: a guess, or a page's probe.
        case notFound
        /// Not a GET.
        case wrongMethod
        /// A `token` that is not 32 letters and digits.
        case notAToken

        /// The HTTP status it is answered with.
        public var status: Int {
            switch self {
            case .wrongHost: 421
            case .notFound: 404
            case .wrongMethod: 405
            case .notAToken: 400
            }
        }
    }
}

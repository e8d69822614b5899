/// Why no loopback callback could be opened; the desktop page is then the only one, and the
/// wait goes on by polling. Said only with `--verbose`: nothing is lost without it.
public enum CallbackError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libmicrohttpd could not be loaded (dlerror's words).
    case libraryMissing(String)
    /// The listener did not start on 127.0.0.1 (no port, no thread).
    case couldNotListen

    public var description: String {
        switch self {
        case .libraryMissing(let reason): L("libmicrohttpd could not be loaded: {reason}. Install it with: apt-get install libmicrohttpd12", ["reason": "\(reason)"])
        case .couldNotListen: L("could not listen on 127.0.0.1")
        }
    }
}

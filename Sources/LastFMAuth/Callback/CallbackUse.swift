/// Whether a browser that lastfm-auth starts can come back to this machine's loopback, so the web
/// flow's page with a callback is the one to hand it. Decided once, for both fronts.
public enum CallbackUse: Equatable, Sendable {
    /// Open the listener when a page is handed to the browser.
    case use
    /// Keep the desktop page only; polling notices the approval.
    case off(Reason)

    /// Why the callback is not used.
    public enum Reason: Equatable, Sendable, CustomStringConvertible {
        /// `--no-callback`.
        case turnedOff
        /// `--no-browser`: no browser is started, and one the person starts may be anywhere.
        case noBrowser
        /// Over SSH the browser (or the person's phone) is on another machine.
        case overSSH
        /// Under WSL the browser that opens is Windows's.
        case wsl

        public var description: String {
            switch self {
            case .turnedOff: "--no-callback"
            case .noBrowser: "--no-browser"
            case .overSSH: L("over SSH the browser is on another machine")
            case .wsl: L("under WSL the browser is Windows's")
            }
        }
    }

    /// The decision for a run with `environment`; `turnedOff` is `--no-callback`, `noBrowser` is
    /// `--no-browser`.
    public static func decide(environment: [String: String], turnedOff: Bool, noBrowser: Bool) -> CallbackUse {
        if turnedOff { return .off(.turnedOff) }
        if noBrowser { return .off(.noBrowser) }
        if environment["SSH_CONNECTION"] != nil || environment["SSH_TTY"] != nil { return .off(.overSSH) }
        if environment["WSL_DISTRO_NAME"] != nil || environment["WSL_INTEROP"] != nil { return .off(.wsl) }
        return .use
    }
}

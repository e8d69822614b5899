/// Which real server a sandbox answers like.
public enum SandboxFlavor: String, Sendable, Equatable, CaseIterable {
    /// Last.fm: keys and signatures checked, JSON errors with HTTP 400, error 15 for a spent or
    /// expired token, an authorize page with Allow and Deny.
    case lastfm
    /// A GNU FM server (the software behind Libre.fm), as docs/protocol-facts.md records one: no
    /// API accounts (any key and secret, getToken without a key), every error with HTTP 200, error
    /// 14 for a token unknown, not approved or spent, the XML session without an `<?xml` line and
    /// as `text/html`, user.getInfo refusing a session key alone (error 6, in its other error
    /// shape), and an authorize page with one Submit button.
    case gnufm

    /// Whether API keys and signatures are checked.
    var checksAPIKeys: Bool { self == .lastfm }
}

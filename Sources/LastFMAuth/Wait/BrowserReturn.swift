/// A browser that came back to the loopback callback without ending the wait; the polling of the
/// desktop page goes on, and both fronts say `Wording.browserReturned`.
public enum BrowserReturn: Equatable, Sendable {
    /// Without a token: access was not granted.
    case declined
    /// With a token the server would not exchange for a session.
    case notUsable(AuthError)
    /// With a token whose time ran out before the server took it.
    case expired
}

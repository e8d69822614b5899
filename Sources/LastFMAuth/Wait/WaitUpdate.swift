/// What the wait for approval tells a front: the state of the polling (which also carries the
/// session from either page), or a browser's return that did not end it.
public enum WaitUpdate: Equatable, Sendable {
    /// Where the wait stands; a final state ends it.
    case state(WaitState)
    /// A browser came back without a session; the wait goes on.
    case browserReturned(BrowserReturn)
}

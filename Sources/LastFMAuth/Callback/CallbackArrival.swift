/// A browser that came back to the loopback callback, with the page it is waiting for.
public enum CallbackArrival: Sendable {
    /// With a token the server says it authorized.
    case approved(token: String, reply: CallbackReply)
    /// Without one: access was not granted.
    case declined(reply: CallbackReply)
}

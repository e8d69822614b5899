/// What `APIResponder` answered, with what the request log keeps of it.
struct APIAnswer: Sendable {
    /// The reply to send.
    var reply: SandboxReply
    /// A short line for the server's log (no secrets or keys).
    var line: String
    /// The Last.fm error code answered, nil when it was answered as asked.
    var error: Int? = nil
    /// Whose session the request used, when it was accepted.
    var user: String? = nil
}

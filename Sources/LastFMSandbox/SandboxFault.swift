/// A way to misbehave on purpose, for testing what a client does with a broken server.
/// Each queued fault replaces the answer to one API request (not the authorize page).
public enum SandboxFault: Sendable, Equatable {
    /// Answer with Last.fm error `code` (JSON or XML, as asked) and this HTTP status.
    case apiError(code: Int, message: String, httpStatus: Int = 200, retryAfter: Int? = nil)
    /// Answer with exactly this status, headers and body.
    case raw(status: Int, headers: [String: String] = [:], body: [UInt8])
    /// Wait this long, then answer normally.
    case delay(Duration)
    /// Send the head and then the body a few bytes at a time, `interval` apart.
    case slowDrip(interval: Duration)
    /// Read the request and never answer (the connection stays open until the client gives up).
    case hang
    /// Close the connection without answering.
    case closeConnection
}

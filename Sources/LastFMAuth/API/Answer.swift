/// A Last.fm answer to an auth call, whatever format it came in.
public enum Answer: Equatable, Sendable {
    /// `auth.getToken` succeeded.
    case token(String)
    /// `auth.getSession` succeeded.
    case session(Session)
    /// `user.getInfo` succeeded: the user's name, sanitised.
    case user(name: String)
    /// The server reported error `code` with `message` (sanitised).
    case error(code: Int, message: String)
}

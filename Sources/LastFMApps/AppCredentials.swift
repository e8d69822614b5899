/// The API key and shared secret an app's own settings hold, if any.
public struct AppCredentials: Equatable, Sendable {
    /// The API key, and where it was found; nil when the settings hold none.
    public var key: AppValue?
    /// The shared secret, and where it was found; nil when the settings hold none.
    public var secret: AppValue?

    /// The credentials found: a key, a secret, both or neither.
    public init(key: AppValue? = nil, secret: AppValue? = nil) {
        self.key = key
        self.secret = secret
    }
}

/// The API key and shared secret an app's own settings hold, if any.
public struct AppCredentials: Equatable, Sendable {
    public var key: AppValue?
    public var secret: AppValue?

    public init(key: AppValue? = nil, secret: AppValue? = nil) {
        self.key = key
        self.secret = secret
    }
}

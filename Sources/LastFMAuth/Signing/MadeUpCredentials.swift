/// A key and a secret made on the spot (`Credential.madeUp`) for a server that checks neither.
/// Kept with the pending token they asked for, so that a run that resumes the token signs with them.
public struct MadeUpCredentials: Equatable, Sendable {
    /// The made-up API key.
    public let apiKey: String
    /// The made-up shared secret.
    public let secret: String

    /// A key and secret made earlier.
    public init(apiKey: String, secret: String) {
        self.apiKey = apiKey
        self.secret = secret
    }
}

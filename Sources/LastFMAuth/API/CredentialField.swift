/// The two things a person types that a server can refuse: the place a front sends them back to.
public enum CredentialField: Equatable, Sendable {
    /// The API key (errors 10 and 26).
    case apiKey
    /// The shared secret (error 13: the signature does not match).
    case secret
}

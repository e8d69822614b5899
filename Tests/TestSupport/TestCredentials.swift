/// The key, secret, token and session key the tests use: those of docs/protocol-facts.md's
/// signing vectors, so a signature computed in a test can be checked against the documented one.
public enum TestCredentials {
    public static let apiKey = "0123456789abcdef0123456789abcdef"
    public static let secret = "fedcba9876543210fedcba9876543210"
    public static let token = "cf45fe5a3e3cebe168480a086d7fe481"
    public static let sessionKey = "d580d57f32848f5dcf574d1ce18d78b2"
}

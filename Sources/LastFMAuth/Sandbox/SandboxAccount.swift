/// The one application a lastfm-auth sandbox knows unless told otherwise, and the user it approves
/// as. Public on purpose (a sandbox guards nothing real), so a client can use a sandbox it did not
/// start, and `lastfm-auth --sandbox` needs nothing from the sandbox program but its address.
public enum SandboxAccount {
    /// The API key of the sandbox's application.
    public static let apiKey = "0123456789abcdef0123456789abcdef"
    /// Its shared secret.
    public static let apiSecret = "fedcba9876543210fedcba9876543210"
    /// The user name a token is approved as when nobody names one.
    public static let user = "sandbox-user"
}

/// One secret in the keyring: a profile's shared secret or session key, found again by the
/// credentials file and the profile's name.
public struct KeyringItem: Equatable, Sendable {
    /// Which of the profile's two secrets.
    public enum Kind: String, Sendable, CaseIterable {
        /// The application's shared secret.
        case apiSecret = "api_secret"
        /// The session key the user granted.
        case sessionKey = "session_key"
    }

    /// The credentials file the profile is in: two files may hold profiles of the same name.
    public var file: String
    /// The profile's name.
    public var profile: String
    /// Which secret.
    public var kind: Kind
    /// The service (`lastfm`, `librefm`, `custom`) and its API root, for people browsing the keyring.
    public var service: String
    public var apiRoot: String

    /// The item `kind` of `profile` in the credentials file `file`, for `service` at `apiRoot`.
    public init(file: String, profile: String, kind: Kind, service: String, apiRoot: String) {
        self.file = file
        self.profile = profile
        self.kind = kind
        self.service = service
        self.apiRoot = apiRoot
    }

    /// What keyring browsers show.
    public var label: String {
        "lastfm-auth \(kind == .apiSecret ? "shared secret" : "session key") for profile \(profile) (\(apiRoot))"
    }
}

/// Where a profile's secrets (the shared secret and the session key) are kept; everything else
/// (server, key, user, dates) is always in the credentials file.
public enum SecretPlace: String, Codable, Sendable, CaseIterable {
    /// In the credentials file itself (mode 0600): right on a headless machine.
    case file
    /// In the desktop keyring (the Secret Service), the file saying so.
    case keyring
}

/// The state of the keyring's default collection, where lastfm-auth's items go.
public enum KeyringState: Equatable, Sendable {
    /// Ready: items can be stored and read without a prompt.
    case unlocked
    /// Locked: storing needs the keyring's password (a prompt on the desktop).
    case locked
    /// There is no default collection yet (a fresh keyring): one must be made, with a password of its own.
    case missing
}

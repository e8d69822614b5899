/// Why the keyring could not be used; the secrets then go to (or stay in) the file.
public enum KeyringError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The program gave the credentials store no keyring.
    case notGiven
    /// No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset): nothing was started to find one.
    case noSessionBus
    /// libsecret is not installed (Debian: libsecret-1-0).
    case notInstalled(String)
    /// The keyring is locked and nobody can unlock it from here.
    case locked(String)
    /// The keyring has no default collection yet: one must be made, with a password of its own.
    case noDefaultCollection
    /// No answer within the deadline.
    case timedOut(Duration)
    /// The Secret Service refused or is not there, in its words.
    case refused(String)
    /// The item is not in the keyring (removed by hand, or another keyring is running now).
    case itemMissing(KeyringItem.Kind)

    public var description: String {
        switch self {
        case .notGiven: "this program uses no keyring"
        case .noSessionBus: "there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)"
        case .notInstalled(let detail): "libsecret is not installed (apt-get install libsecret-1-0): \(detail)"
        case .locked(let detail): "the keyring is locked (\(detail))"
        case .noDefaultCollection: "the keyring has no collection to keep secrets in yet (a new one needs a password of its own)"
        case .timedOut(let deadline): "the keyring did not answer within \(SpokenDuration.delay(deadline))"
        case .refused(let detail): "the Secret Service said: \(detail)"
        case .itemMissing(let kind): "the keyring has no \(kind == .apiSecret ? "shared secret" : "session key") for this profile"
        }
    }
}

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
        case .notGiven: L("this program uses no keyring")
        case .noSessionBus: L("there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
        case .notInstalled(let detail): L("libsecret is not installed (apt-get install libsecret-1-0): {detail}", ["detail": "\(detail)"])
        case .locked(let detail): L("the keyring is locked ({detail})", ["detail": "\(detail)"])
        case .noDefaultCollection: L("the keyring has no collection to keep secrets in yet (a new one needs a password of its own)")
        case .timedOut(let deadline): L("the keyring did not answer within {delay}", ["delay": "\(SpokenDuration.delay(deadline))"])
        case .refused(let detail): L("the Secret Service said: {detail}", ["detail": "\(detail)"])
        case .itemMissing(let kind): kind == .apiSecret ? L("the keyring has no shared secret for this profile") : L("the keyring has no session key for this profile")
        }
    }
}

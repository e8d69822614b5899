/// Asking the desktop to unlock (or create) the keyring after a save that had to use the file:
/// when it is offered, and how it ended. The secrets are already safe in the file while the
/// prompt is out, so nothing the person does in it can lose them.
public enum KeyringUnlock {
    /// What the prompt asks for.
    public enum Request: Equatable, Sendable {
        /// The keyring's password, to unlock it.
        case unlock
        /// A password for a new keyring: there was none.
        case create
    }

    /// How an unlock ended.
    public enum Outcome: Equatable, Sendable {
        /// The keyring's own answer: unlocked (or created). `AuthFlow.unlockKeyring` turns it into
        /// `moved` or `notMoved`.
        case unlocked
        /// Unlocked (or created), and the profile's secrets moved into it.
        case moved
        /// Unlocked, but the move failed: the secrets stay in the file.
        case notMoved(KeyringError)
        /// The person closed the prompt (Cancel, Escape, the window's close button).
        case dismissed
        /// The person pressed the front's key to keep the secrets in the file.
        case keptInFile
        /// Nobody answered the prompt within the wait.
        case timedOut(Duration)
        /// The Secret Service refused, in its words (said with --verbose only in the fronts).
        case failed(String)
    }

    /// Whether a graphical session is there to show the prompt.
    public static func hasDisplay(_ environment: [String: String]) -> Bool {
        !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
    }

    /// How long a person has to type a password into the prompt.
    public static let wait = Duration.seconds(180)

    /// The prompt to offer after a save that put the secrets in the file because the keyring was
    /// locked or had no collection: only with a display to show it (`hasDisplay`) and a person at
    /// the front to answer it. Without one, nothing is started: the secrets stay in the file.
    public static func offered(after saved: SavedSecrets, display: Bool, attended: Bool) -> Request? {
        guard attended, display, saved.place == .file else { return nil }
        switch saved.keyringProblem {
        case .locked?: return .unlock
        case .noDefaultCollection?: return .create
        default: return nil
        }
    }
}

extension Wording {
    /// While the keyring's window is out; `keepKey` is the front's key that keeps the secrets in
    /// the file (Esc in the wizard, Enter in the plain front).
    public static func keyringPrompt(_ request: KeyringUnlock.Request, keepKey: String) -> String {
        switch request {
        case .unlock:
            "The keyring is locked: a window is asking for its password. Type it there to move the secrets into the keyring, or press \(keepKey) to keep them in the file."
        case .create:
            "The keyring has no collection for secrets yet: a window is asking for a password for a new one. Choose one there to move the secrets into it, or press \(keepKey) to keep them in the file."
        }
    }

    /// How the keyring's window ended, for `profile`.
    public static func keyringAnswered(_ outcome: KeyringUnlock.Outcome, profile: String) -> String {
        let later = "To move them later: lastfm-auth move keyring --profile \(profile)"
        switch outcome {
        case .moved, .unlocked:
            return "The keyring is ready: the shared secret and session key are in it now, no longer in the file."
        case .notMoved(let problem):
            return "The keyring is unlocked, but the secrets could not move into it (\(problem)); they stay in the file (mode 0600). \(later)"
        case .dismissed:
            return "The keyring's window was closed without unlocking it: the secrets stay in the file (mode 0600). \(later)"
        case .keptInFile:
            return "The secrets stay in the file (mode 0600). \(later)"
        case .timedOut(let wait):
            return "Nobody answered the keyring's window within \(SpokenDuration.delay(wait)): the secrets stay in the file (mode 0600). \(later)"
        case .failed:
            return "The keyring could not be unlocked: the secrets stay in the file (mode 0600). \(later)"
        }
    }
}

extension Wording {
    /// While the keyring's window is out; `keepKey` is the front's key that keeps the secrets in
    /// the file (Esc in the wizard, Enter in the plain front).
    public static func keyringPrompt(_ request: KeyringUnlock.Request, keepKey: String) -> String {
        switch request {
        case .unlock:
            L("The keyring is locked: a window is asking for its password. Type it there to move the secrets into the keyring, or press {keepKey} to keep them in the file.", ["keepKey": "\(keepKey)"])
        case .create:
            L("The keyring has no collection for secrets yet: a window is asking for a password for a new one. Choose one there to move the secrets into it, or press {keepKey} to keep them in the file.", ["keepKey": "\(keepKey)"])
        }
    }

    /// How the keyring's window ended, for `profile`.
    public static func keyringAnswered(_ outcome: KeyringUnlock.Outcome, profile: String) -> String {
        let later = L("To move them later: lastfm-auth move keyring --profile {profile}", ["profile": "\(profile)"])
        switch outcome {
        case .moved, .unlocked:
            return L("The keyring is ready: the shared secret and session key are in it now, no longer in the file.")
        case .notMoved(let problem):
            return L("The keyring is unlocked, but the secrets could not move into it: {problem}. They stay in the file (mode 0600). {later}", ["problem": "\(problem)", "later": "\(later)"])
        case .dismissed:
            return L("The keyring's window was closed without unlocking it: the secrets stay in the file (mode 0600). {later}", ["later": "\(later)"])
        case .keptInFile:
            return L("The secrets stay in the file (mode 0600). {later}", ["later": "\(later)"])
        case .timedOut(let wait):
            return L("Nobody answered the keyring's window within {delay}: the secrets stay in the file (mode 0600). {later}", ["delay": "\(SpokenDuration.delay(wait))", "later": "\(later)"])
        case .failed:
            return L("The keyring could not be unlocked: the secrets stay in the file (mode 0600). {later}", ["later": "\(later)"])
        }
    }
}

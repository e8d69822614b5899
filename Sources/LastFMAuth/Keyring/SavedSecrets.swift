/// Where a save put the profile's secrets, and why not in the keyring when it was wanted there.
public struct SavedSecrets: Equatable, Sendable {
    /// Where they are now.
    public var place: SecretPlace
    /// Why the keyring was not used, when it was asked for or tried (no choice made).
    public var keyringProblem: KeyringError?

    /// Secrets in `place`, and why not in the keyring when it was wanted.
    public init(place: SecretPlace, keyringProblem: KeyringError? = nil) {
        self.place = place
        self.keyringProblem = keyringProblem
    }
}

/// A store for single secrets: the Secret Service (`SecretServiceKeyring`), or a test's own.
/// Every call returns or throws within the keyring's deadline; none waits for a person.
public protocol Keyring: Sendable {
    /// Stores `secret` as `item`, replacing one stored before.
    func store(_ secret: String, as item: KeyringItem) throws(KeyringError)
    /// The secret stored as `item`, or nil when there is none.
    func lookup(_ item: KeyringItem) throws(KeyringError) -> String?
    /// Removes every item of `profile` in the credentials file `file`.
    func removeAll(file: String, profile: String) throws(KeyringError)
    /// Whether the collection items go to is ready, locked or missing; asks nobody.
    func state() throws(KeyringError) -> KeyringState
    /// Shows the desktop's prompt to unlock (or create) that collection and waits for the person,
    /// up to `wait` or until `cancel` fires: the one call that waits for a person.
    func unlock(within wait: Duration, cancel: UnlockCancel) async -> KeyringUnlock.Outcome
}

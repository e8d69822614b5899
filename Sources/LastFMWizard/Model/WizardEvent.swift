import LastFMAuth

/// Something that happened: input from the person, or a result from the core.
public enum WizardEvent: Equatable, Sendable {
    /// The wizard is on screen. With the service, key and secret all given (flags, environment,
    /// secret file), it goes straight to the token request; Esc still goes back to each field.
    case started(everythingGiven: Bool)
    case key(Key)
    /// Text pasted with bracketed paste (the markers already removed).
    case paste(String)
    /// The terminal got focus back (CSI I): the person is probably back from the browser.
    case focusIn
    /// A second (or a spinner frame) passed; `tokenAge` is the current token's age, if there is one.
    case tick(tokenAge: Duration?)
    /// A token to approve, fresh or resumed.
    case tokenReceived(TokenGrant)
    /// The token request failed with trouble that may pass; it is tried again after `delay`.
    case tokenTrouble(AuthError, failures: Int, delay: Duration)
    /// The token request ended without a token after `attempts` tries.
    case tokenFailed(AuthError, attempts: Int)
    case waitChanged(WaitState)
    case saved(path: String, secrets: SavedSecrets)
    case saveFailed(String)
    /// The outcome of an effect worth telling ("Copied the URL").
    case notice(String)
}

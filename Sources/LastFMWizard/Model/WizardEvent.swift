import LastFMAuth

/// Something that happened: input from the person, or a result from the core.
public enum WizardEvent: Equatable, Sendable {
    /// The wizard is on screen. With the service given (`WizardState.serviceGiven`) it goes on to
    /// the first field not given (flags, environment, secret file), or straight to the token
    /// request when the key and secret are there too; Esc still goes back to each step.
    case started
    /// What answered at a typed API root (`apiRoot`): nil for an API, else what answered instead.
    case addressProbed(apiRoot: String, problem: AuthError?)
    /// The server's answer about the saved session (`SessionCheck`), asked on `.checkingSaved`.
    case savedSessionChecked(SessionCheck)
    /// The person leaves: Ctrl-C, or a terminating signal (its number). What it means is
    /// `RunRules.leaving`'s: a cancel before the save, the run's normal end after it.
    case leave(signal: Int32?)
    /// A key the person pressed.
    case key(Key)
    /// Text pasted with bracketed paste (the markers already removed).
    case paste(String)
    /// The terminal got focus back (CSI I): the person is probably back from the browser.
    case focusIn
    /// A second (or a spinner frame) passed; `tokenAge` is the current token's age, if there is one;
    /// `sinceTrouble`, how long ago the token request's last trouble was said, for its countdown.
    case tick(tokenAge: Duration?, sinceTrouble: Duration? = nil)
    /// A token to approve, fresh or resumed.
    case tokenReceived(TokenGrant)
    /// The token request failed with trouble that may pass; it is tried again after `delay`.
    case tokenTrouble(AuthError, failures: Int, delay: Duration)
    /// The token request ended without a token after `attempts` tries.
    case tokenFailed(AuthError, attempts: Int)
    /// The wait for approval has a new state.
    case waitChanged(WaitState)
    /// The session was saved in the credentials file at `path`, the secrets where `secrets` says.
    case saved(path: String, secrets: SavedSecrets)
    /// The session could not be saved (it is shown on exit, so it is not lost).
    case saveFailed(StoreError)
    /// The keyring's prompt ended: unlocked and moved, or the secrets stay in the file.
    case keyringAnswered(KeyringUnlock.Outcome)
    /// The outcome of an effect worth telling ("Copied the URL").
    case notice(String)
}

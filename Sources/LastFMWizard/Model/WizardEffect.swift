import LastFMAuth

/// What the wizard asks the runtime to do. Data only: the runtime does the I/O.
public enum WizardEffect: Equatable, Sendable {
    /// Ask whether a Last.fm-compatible API answers at `service`'s API root (`LastFMClient.probe`).
    case probeAddress(Service)
    /// Ask the server whether the saved session still works (`SessionCheck`).
    case checkSavedSession
    /// Resume a pending token or ask for a fresh one, under the core's `TokenRequestPolicy`;
    /// replaces any request in flight.
    /// `madeUp`: the key and secret were made on the spot, and are kept with the pending token.
    case requestToken(service: Service, apiKey: String, secret: String, allowResume: Bool, madeUp: Bool = false)
    /// End the pause before the token request's next try: try now.
    case retryTokenNow
    /// Drop a token request in flight.
    case cancelTokenRequest
    /// Start polling for `grant` (stopping any earlier wait).
    case startWaiting(TokenGrant)
    /// Check for approval now, as far as pacing allows.
    case checkNow
    /// Stop the wait for approval.
    case stopWaiting
    /// Save the session in the profile (key and secret with it).
    case save(Session, service: Service, apiKey: String, secret: String)
    /// Show the desktop's prompt to unlock (or create) the keyring, and move the saved secrets
    /// into it once unlocked (`AuthFlow.unlockKeyring`).
    case unlockKeyring
    /// Withdraw that prompt: the secrets stay in the file.
    case keepSecretsInFile
    /// Hand the address to a browser on this machine.
    case openBrowser(String)
    /// Put the text on the clipboard (OSC 52, so it works over SSH).
    case copy(String)
    /// Approve the token in the built-in sandbox (another process), over HTTP as its page's Allow does.
    case approveInSandbox(token: String)
    /// Draw the whole screen again, not only what changed (Ctrl-L).
    case redraw
    /// Restore the terminal, print `message` (if any) on standard error and exit with `status`.
    case quit(status: Int32, message: String?)
}

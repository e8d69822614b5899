/// How the wizard ended, for the program to report after the terminal is restored.
public struct WizardOutcome: Equatable, Sendable {
    /// What ended it.
    public enum End: Equatable, Sendable {
        /// The wizard quit with this exit status.
        case quit(status: Int32)
        /// A terminating signal arrived (its number); the program maps it to an exit status.
        case signal(Int32)
    }

    /// What ended it.
    public var end: End
    /// What to print on standard error once the screen is gone, if anything.
    public var message: String?
    /// The state at the end: the session, key and secret for `--print`.
    public var state: WizardState
}

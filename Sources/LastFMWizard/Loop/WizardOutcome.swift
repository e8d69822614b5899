import LastFMAuth

/// How the wizard ended, for the program to report after the terminal is restored.
public struct WizardOutcome: Equatable, Sendable {
    /// What ended it.
    public enum End: Equatable, Sendable {
        /// The wizard quit with this exit status (`ExitStatus`, or 128+N for a signal before the
        /// save: `RunRules.leaving` decides which, for keys and signals alike).
        case quit(status: Int32)
    }

    /// What ended it.
    public var end: End
    /// What to print on standard error once the screen is gone, if anything.
    public var message: String?
    /// The state at the end: the session, key and secret for `--print`.
    public var state: WizardState

    /// The exit status the wizard ended with.
    public var status: Int32 {
        switch end {
        case .quit(let status): status
        }
    }
}

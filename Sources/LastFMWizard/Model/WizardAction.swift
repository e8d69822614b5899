/// What a key means in the wizard. Keys map to actions through `KeyMap`; the reducer acts on actions.
public enum WizardAction: Equatable, Sendable, CaseIterable {
    /// Go on: the next step, or submit the field.
    case next
    /// Back to the step before (Esc).
    case back
    /// Leave the wizard (on the done step, with the summary).
    case quit
    /// The service above in the list.
    case moveUp
    /// The service below in the list.
    case moveDown
    /// The custom server's other field.
    case switchField
    /// Show or hide the secret as it is typed (Ctrl-R).
    case reveal
    /// Try the token request again now, as far as pacing allows.
    case retry
    /// Hand the authorize address to a browser on this machine.
    case openBrowser
    /// Put the authorize address on the clipboard (OSC 52).
    case copyURL
    /// Check for approval now, as far as pacing allows.
    case checkNow
    /// Drop this token and ask for a fresh one.
    case newToken
    /// Approve the token in the built-in sandbox, as its page does.
    case approveInSandbox
    /// Keep the session the profile already holds, and exit.
    case keepExisting
    /// Go on to replace the saved session.
    case replaceExisting
    /// Show the step's keys (? or F1).
    case toggleHelp
}

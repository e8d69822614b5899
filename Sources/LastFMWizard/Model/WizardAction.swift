/// What a key means in the wizard. Keys map to actions through `KeyMap`; the reducer acts on actions.
public enum WizardAction: Equatable, Sendable, CaseIterable {
    case next
    case back
    case quit
    case moveUp
    case moveDown
    case switchField
    case reveal
    case retry
    case openBrowser
    case copyURL
    case checkNow
    case newToken
    case approveInSandbox
    case keepExisting
    case replaceExisting
    case toggleHelp
}

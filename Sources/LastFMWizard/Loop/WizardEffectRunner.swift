/// Runs the effects that reach beyond the screen: the token request, the wait, the save, the
/// browser, the sandbox. Results come back as events in the loop's inbox. The loop itself handles
/// the effects that touch only the terminal (quit, redraw, copy).
public protocol WizardEffectRunner: AnyObject {
    /// Starts `effect`; returns at once. Called on the loop's thread.
    func run(_ effect: WizardEffect)
    /// Stops everything still running (the wizard is ending).
    func stopAll()
}

/// How far a run has come, for what leaving means now (`RunRules.leaving`).
public enum RunPhase: Equatable, Sendable {
    /// Nothing shown yet: the saved session's check, the questions, the token request.
    case starting
    /// A token is on the screen; `possiblySpent` once the hint that it may be spent was given.
    case tokenShown(possiblySpent: Bool)
    /// The session is being saved: leaving waits until it is on disk.
    case saving
    /// The session is saved (or shown, where saving failed): the run is over but for its last steps.
    case saved
}

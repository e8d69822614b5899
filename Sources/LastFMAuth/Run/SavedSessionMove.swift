/// What becomes of the session a profile already holds, decided by `RunRules` for both fronts
/// before anything else happens.
public enum SavedSessionMove: Equatable, Sendable {
    /// The profile holds no session: the flow starts.
    case none
    /// The session is for the server and API key asked for: ask the server whether it still works
    /// (`SessionCheck`) before it is offered or kept.
    case check
    /// It works (or cannot be checked, and may): kept, with the sentence that says so.
    case keep(String)
    /// It cannot serve this run (another server or API key, revoked, `--replace`): a new session
    /// replaces it once approved; the sentence says why.
    case replace(String)

    /// The sentence that says the move, for both fronts; nil where there is nothing to say yet.
    public var sentence: String? {
        switch self {
        case .none, .check: nil
        case .keep(let sentence), .replace(let sentence): sentence
        }
    }
}

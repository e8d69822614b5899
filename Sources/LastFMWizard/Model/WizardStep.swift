import LastFMAuth

/// Where in the flow the wizard is.
public enum WizardStep: Equatable, Sendable {
    /// The profile holds a session for this server and key: the server is asked whether it still
    /// works before it is offered (`RunRules.savedSession`, `.check`).
    case checkingSaved
    /// The profile already holds a session that works: keep it or replace it.
    case existing
    /// Choose Last.fm, Libre.fm, a custom server (or the sandbox).
    case service
    /// The custom server's API root and authorize page.
    case customServer
    case apiKey
    case secret
    /// `auth.getToken` is on its way.
    case fetchingToken
    /// The URL is shown; waiting for the user to approve.
    case authorize
    /// Approved; the session is being saved.
    case saving
    /// Saved (or saving failed, with the key shown).
    case done
    /// Something ended the flow: expired, denied, refused.
    case problem

    /// Whether the step has a field to type in (where pasting works).
    public var hasField: Bool {
        self == .customServer || self == .apiKey || self == .secret
    }
}

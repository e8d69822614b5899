/// What a front does next, as `FlowRules` decides it; each move that ends or changes the flow
/// carries the sentence that says why, for both fronts. The wizard goes to a step; the plain
/// front, which cannot go back, prints the sentence and ends where the wizard would ask again.
public enum NextMove: Equatable, Sendable {
    /// Nothing to decide: still asking, retrying or waiting.
    case carryOn
    /// A token to show and wait for.
    case waitFor(TokenGrant)
    /// The server refused the API key: it must be typed again.
    case backToKey(String)
    /// The server refused the signature: the shared secret must be typed again.
    case backToSecret(String)
    /// A typed server address answered with no API (a web page, a 404, no TLS): it must be typed again.
    case backToAddress(String)
    /// A key and secret made on the spot were refused: an API account's real ones are needed.
    case realCredentials(String)
    /// The token cannot be used any more but a fresh one can: ask for one, without resuming.
    case freshToken(String)
    /// The token's hour ran out before anyone approved: a new token is the way on.
    case tokenExpired(String)
    /// The person approved: save the session.
    case save(Session)
    /// The flow ends here.
    case stop(String)

    /// The sentence that says why the flow ends or changes; nil where it carries on, waits or saves.
    public var sentence: String? {
        switch self {
        case .carryOn, .waitFor, .save: nil
        case .backToKey(let sentence), .backToSecret(let sentence), .backToAddress(let sentence), .realCredentials(let sentence),
             .freshToken(let sentence), .tokenExpired(let sentence), .stop(let sentence): sentence
        }
    }
}

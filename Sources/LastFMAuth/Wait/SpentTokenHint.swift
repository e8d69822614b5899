/// GNU FM never says a token is spent: it answers 14 ("not yet authorised") for ever for a token
/// that is unknown, already exchanged, or approved by another run (docs/protocol-facts.md). So a
/// token resumed from an earlier run may wait its whole hour for nothing. When a resumed token is
/// still not approved this long after resuming, the fronts say so and offer a new token; they
/// never throw the token away themselves (on Last.fm it may simply not be approved yet).
public enum SpentTokenHint {
    /// How long after resuming the hint appears where the server says when a token is spent.
    public static let after: Duration = .seconds(180)

    /// Whether to show the hint for `grant` when the token is `tokenAge` old and not yet approved.
    /// `serverSaysSpent` (`FlowFacts`): the server is known to refuse a spent token (Last.fm, the
    /// sandbox); anywhere else (GNU FM, a custom server) the hint comes at the first check.
    public static func applies(to grant: TokenGrant, tokenAge: Duration, serverSaysSpent: Bool = true) -> Bool {
        grant.resumed && tokenAge - grant.age >= (serverSaysSpent ? after : .zero)
    }
}

/// GNU FM never says a token is spent: it answers 14 ("not yet authorised") for ever for a token
/// that is unknown, already exchanged, or approved by another run (docs/protocol-facts.md). So a
/// token resumed from an earlier run may wait its whole hour for nothing. When a resumed token is
/// still not approved this long after resuming, the fronts say so and offer a new token; they
/// never throw the token away themselves (on Last.fm it may simply not be approved yet).
public enum SpentTokenHint {
    /// How long after resuming the hint appears.
    public static let after: Duration = .seconds(180)

    /// Whether to show the hint for `grant` when the token is `tokenAge` old and not yet approved.
    public static func applies(to grant: TokenGrant, tokenAge: Duration) -> Bool {
        grant.resumed && tokenAge - grant.age >= after
    }
}

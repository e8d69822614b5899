/// Pending tokens by profile, in `pending.json` beside the credentials file (0600).
public struct PendingTokenStore: Sendable {
    /// The file: `pending.json` beside the credentials file.
    public let path: String
    private let file: ProfileFile<PendingToken>

    /// The store that sits beside `credentialsPath`.
    public init(besideCredentialsAt credentialsPath: String) {
        path = SecureFile.directory(of: credentialsPath) + "/pending.json"
        file = ProfileFile(path: path, section: "pending")
    }

    /// The token to resume for `profile`: same server and key, younger than `lifetime` at `now`.
    public func resumable(for profile: String, apiRoot: String, apiKey: String, now: Int64, lifetime: Duration) -> PendingToken? {
        var warnings: [String] = []
        guard let pending = try? file.entry(profile, warnings: &warnings),
              pending.apiRoot == apiRoot, pending.apiKey == apiKey,
              let age = pending.age(now: now), age < lifetime - .seconds(60)
        else { return nil }
        return pending
    }

    /// The token `profile` waits for on whichever server, if it is younger than `lifetime` at `now`.
    public func waiting(for profile: String, now: Int64, lifetime: Duration) -> PendingToken? {
        var warnings: [String] = []
        guard let pending = try? file.entry(profile, warnings: &warnings) else { return nil }
        return resumable(for: profile, apiRoot: pending.apiRoot, apiKey: pending.apiKey, now: now, lifetime: lifetime)
    }

    /// The key and secret made on the spot for the token `profile` waits for, by its API root, if
    /// it is still young enough to resume: going on without an API account on that server again
    /// signs with them, so the token is found and resumed. Empty when there is none.
    public func madeUpCredentials(for profile: String, now: Int64, lifetime: Duration) -> [String: MadeUpCredentials] {
        var warnings: [String] = []
        guard let pending = try? file.entry(profile, warnings: &warnings), let secret = pending.madeUpSecret,
              resumable(for: profile, apiRoot: pending.apiRoot, apiKey: pending.apiKey, now: now, lifetime: lifetime) != nil
        else { return [:] }
        return [pending.apiRoot: MadeUpCredentials(apiKey: pending.apiKey, secret: secret)]
    }

    /// Remembers `token` for `profile`.
    public func remember(_ token: PendingToken, for profile: String) throws(StoreError) {
        try file.update(profile, to: token)
    }

    /// Forgets the token of `profile` (after it was used or expired).
    public func forget(profile: String) throws(StoreError) {
        try file.update(profile, to: nil)
    }
}

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

    /// Remembers `token` for `profile`.
    public func remember(_ token: PendingToken, for profile: String) throws(StoreError) {
        try file.update(profile, to: token)
    }

    /// Forgets the token of `profile` (after it was used or expired).
    public func forget(profile: String) throws(StoreError) {
        try file.update(profile, to: nil)
    }
}

import LastFMAuth

/// One saved profile as `lastfm-auth status` reports it: what was saved and what was found.
struct ProfileStatus: Equatable, Sendable {
    /// What is known about the profile's session.
    enum Finding: Equatable, Sendable {
        /// The server was asked.
        case checked(SessionCheck)
        /// `--offline`: only the file was read.
        case notChecked
        /// The profile has no session key to check.
        case noSessionKey
        /// The entry is incomplete or its addresses are no longer acceptable.
        case unreadable(String)
        /// The secrets are in the keyring, and it could not give them (locked, missing, no answer).
        case keyringProblem(KeyringError)
    }

    var name: String
    /// Nil when the entry could not be read.
    var profile: Profile?
    /// The credentials file it lives in.
    var file: String
    var finding: Finding
    /// Whether this is the profile the commands use when none is named (`ProfileChoice`).
    var inUse = false

    /// What can be known without the network: an unreadable entry, a keyring that cannot give the
    /// secrets or a missing key is final. `fromFile` is the entry without its secrets, shown when
    /// the keyring cannot give them.
    static func offline(name: String, entry: Result<Profile, StoreError>, file: String, fromFile: Profile? = nil) -> ProfileStatus {
        switch entry {
        case .failure(.keyring(_, let problem)):
            return ProfileStatus(name: name, profile: fromFile, file: file, finding: .keyringProblem(problem))
        case .failure(let error):
            return ProfileStatus(name: name, profile: nil, file: file, finding: .unreadable(error.description))
        case .success(let profile):
            var finding = Finding.notChecked
            if profile.sessionKey.isEmpty {
                finding = .noSessionKey
            } else {
                do { _ = try profile.resolvedService() } catch { finding = .unreadable(error.description) }
            }
            return ProfileStatus(name: name, profile: profile, file: file, finding: finding)
        }
    }

    /// What the server answered when the check did not say "connected", in its words.
    var serverAnswer: AuthError? {
        switch finding {
        case .checked(.keyRefused(let error)), .checked(.unverifiable(let error)), .checked(.couldNotCheck(let error)), .checked(.failed(let error)): error
        default: nil
        }
    }

    /// Whether the session came from a lastfm-auth sandbox: the profile says so (`service: sandbox`),
    /// or an older profile was made on this machine with the sandbox's key (the protocol's
    /// test-vector key, which no real application has). A custom server on loopback is not one.
    var madeWithSandbox: Bool {
        guard let profile, let service = try? profile.resolvedService() else { return false }
        return service.isSandbox || (service.isCustom && WebAddress.isLoopback(host: service.apiRoot.host) && profile.apiKey == SandboxAccount.apiKey)
    }

    /// The exit status of `status` for `statuses`: 0 only when each is connected, not verifiable
    /// (GNU FM) or, with --offline, saved; else a refused session (2) before a profile that cannot
    /// be used (1) before a session that could not be checked (3).
    static func exitStatus(_ statuses: [ProfileStatus]) -> ExitStatus {
        var refused = false, unusable = false, unchecked = false
        for status in statuses {
            switch status.finding {
            case .checked(.connected), .checked(.unverifiable), .notChecked: break
            case .checked(.revoked), .checked(.keyRefused): refused = true
            case .checked(.couldNotCheck), .checked(.failed): unchecked = true
            case .noSessionKey, .unreadable, .keyringProblem: unusable = true
            }
        }
        if refused { return .sessionRefused }
        if unusable { return .failed }
        if unchecked { return .notChecked }
        return .success
    }

    /// Whether this profile gives no reason for alarm (exit status 0).
    var isGood: Bool {
        switch finding {
        case .checked(let check): check.isGood
        case .notChecked: true
        case .noSessionKey, .unreadable, .keyringProblem: false
        }
    }
}

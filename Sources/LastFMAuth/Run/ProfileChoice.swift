/// Which saved profile a command that reads one (`token`, `status`, `logout`, `move`) uses, as
/// `gh auth token` finds the active account: the one named; with `--sandbox`, the profile the
/// sandbox saves; else the only one there; else the one chosen with `lastfm-auth switch` (or by
/// the last login); else one called `default`, the name every command used before there was a
/// choice, so that files written then work as they did. Pure: the names in the file and the
/// choice in it decide.
public enum ProfileChoice: Equatable, Sendable {
    /// This profile, which is in the file.
    case use(String)
    /// The profile named (by `--profile`, or `sandbox` by `--sandbox`) is not in the file.
    case missing(String, saved: [String])
    /// The file has no profile at all.
    case noneSaved
    /// Several profiles and none chosen (or the one chosen is gone).
    case ambiguous(saved: [String])

    /// The profile the sandbox's runs save, and the one `--sandbox` names.
    public static let sandboxProfile = "sandbox"
    /// The profile a login saves when none is named.
    public static let defaultProfile = "default"

    /// Decides from `named` (`--profile`), `sandbox` (`--sandbox`), the profiles in the file
    /// (`saved`) and the one chosen with `switch` (`chosen`).
    public static func decide(named: String?, sandbox: Bool, saved: [String], chosen: String?) -> ProfileChoice {
        if let wanted = named ?? (sandbox ? sandboxProfile : nil) {
            return saved.contains(wanted) ? .use(wanted) : .missing(wanted, saved: saved)
        }
        if saved.count == 1 { return .use(saved[0]) }
        if saved.isEmpty { return .noneSaved }
        if let chosen, saved.contains(chosen) { return .use(chosen) }
        if saved.contains(defaultProfile) { return .use(defaultProfile) }
        return .ambiguous(saved: saved)
    }

    /// The profile to use, if there is one.
    public var name: String? {
        if case .use(let name) = self { return name }
        return nil
    }
}

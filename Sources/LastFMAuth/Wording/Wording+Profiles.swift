extension Wording {
    /// Why a command that reads a saved profile found none to use (`ProfileChoice`), with the
    /// profiles in the file at `path` and how to choose one. Nil when `choice` is a profile.
    public static func profileNotFound(_ choice: ProfileChoice, path: String, sandboxFlag: Bool) -> String? {
        let connect = L("run lastfm-auth login to connect one (or lastfm-auth --sandbox to try it without an account)")
        switch choice {
        case .use:
            return nil
        case .noneSaved:
            return L("no saved profiles in {path}; {connect}", ["path": "\(path)", "connect": "\(connect)"])
        case .missing(let name, let saved) where sandboxFlag && name == ProfileChoice.sandboxProfile:
            let values = ["name": name, "path": path, "connect": connect, "listed": listed(saved)]
            return saved.isEmpty
                ? L("--sandbox means the profile \"{name}\" that lastfm-auth --sandbox saves, and {path} has none; {connect}", values)
                : L("--sandbox means the profile \"{name}\" that lastfm-auth --sandbox saves, and {path} has none, only {listed}: leave out --sandbox, or run lastfm-auth --sandbox first", values)
        case .missing(let name, let saved):
            let values = ["name": Sanitizer.clean(name), "path": path, "connect": connect, "listed": listed(saved)]
            return saved.isEmpty
                ? L("no profile \"{name}\" in {path}; {connect}", values)
                : L("no profile \"{name}\" in {path}, only {listed}: name one with --profile NAME", values)
        case .ambiguous(let saved):
            return Ln("{path} has {n} profile and none is chosen: {listed}.", "{path} has {n} profiles and none is chosen: {listed}.", saved.count, ["path": path, "listed": listed(saved)])
                + "\n" + L("Choose the one the commands use with lastfm-auth switch NAME, or name it each time with --profile NAME.")
        }
    }

    /// The profile `switch` chose, and what follows from it.
    public static func switched(to name: String, path: String) -> String {
        L("Commands now use profile \"{name}\" when none is named (kept in {path}).", ["name": "\(Sanitizer.clean(name))", "path": "\(path)"])
    }

    /// Profile names for a sentence: each quoted, in the file's order.
    static func listed(_ names: [String]) -> String {
        names.map { "\"\(Sanitizer.clean($0))\"" }.joined(separator: ", ")
    }
}

import LastFMAuth

/// Wording shared by the fronts: what an error means and what to do, and durations for people.
enum Messages {
    /// One sentence for `error`, naming the thing to fix where the user can fix it.
    static func explain(_ error: AuthError) -> String {
        switch error.apiCode {
        case .invalidAPIKey, .suspendedAPIKey:
            return "The API key was refused (\(error)). Check the key: it is on your API account page."
        case .invalidSignature:
            return "The shared secret does not match this API key (error 13). Check the secret: it is shown next to the key on your API account page."
        default:
            return upperFirst(error.description)
        }
    }

    /// "3 s", "1.5 s", "2 min".
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
        if milliseconds >= 120_000 { return "\(milliseconds / 60_000) min" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return "\(milliseconds / 1000).\(milliseconds % 1000 / 100) s"
    }

    /// How old something is: "4 s" under a minute, then whole minutes rounded down ("1 min" from
    /// 60 s to 119 s), so a token is never said to be older than it is.
    static func age(_ duration: Duration) -> String {
        let seconds = max(duration.components.seconds, 0)
        return seconds < 60 ? "\(seconds) s" : "\(seconds / 60) min"
    }

    /// Whole minutes, rounded up, as "59 min".
    static func minutes(_ duration: Duration) -> String {
        let seconds = max(duration.components.seconds, 0)
        return "\((seconds + 59) / 60) min"
    }

    private static func upperFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

/// Durations as people read them, with one rounding rule per kind of time, so both fronts say
/// the same thing: an age is never said to be older than it is, a time left never shorter, and a
/// delay is whole seconds, never shorter than the wait it announces.
public enum SpokenDuration {
    /// How old something is: "4 s" under a minute, then whole minutes rounded down ("1 min" from
    /// 60 s to 119 s).
    public static func age(_ duration: Duration) -> String {
        let seconds = max(duration.wholeMilliseconds, 0) / 1000
        return seconds < 60 ? "\(seconds) s" : "\(seconds / 60) min"
    }

    /// How long is left: seconds under a minute, then whole minutes, both rounded up ("60 min"
    /// for 59 min 1 s).
    public static func remaining(_ duration: Duration) -> String {
        let seconds = roundedUpSeconds(duration)
        return seconds < 60 ? "\(seconds) s" : "\((seconds + 59) / 60) min"
    }

    /// How long until something happens (a retry, the next check): whole seconds rounded up
    /// ("6 s" for 5.8 s); from two minutes on, whole minutes rounded up.
    public static func delay(_ duration: Duration) -> String {
        let seconds = roundedUpSeconds(duration)
        return seconds < 120 ? "\(seconds) s" : "\((seconds + 59) / 60) min"
    }

    /// How long ago something happened, in the largest whole unit: "just now" under a minute,
    /// then "1 minute ago", "5 hours ago", "3 days ago" (rounded down, as `age`).
    public static func ago(_ duration: Duration) -> String {
        let seconds = max(duration.wholeMilliseconds, 0) / 1000
        func unit(_ count: Int64, _ name: String) -> String { "\(count) \(name)\(count == 1 ? "" : "s") ago" }
        if seconds < 60 { return "just now" }
        if seconds < 3600 { return unit(seconds / 60, "minute") }
        if seconds < 2 * 86400 { return unit(seconds / 3600, "hour") }
        return unit(seconds / 86400, "day")
    }

    private static func roundedUpSeconds(_ duration: Duration) -> Int64 {
        (max(duration.wholeMilliseconds, 0) + 999) / 1000
    }
}

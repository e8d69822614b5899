/// Durations as people read them, with one rounding rule per kind of time, so both fronts say
/// the same thing: an age is never said to be older than it is, a time left never shorter, and a
/// delay is whole seconds, never shorter than the wait it announces.
public enum SpokenDuration {
    /// How old something is: "4 s" under a minute, then whole minutes rounded down ("1 min" from
    /// 60 s to 119 s).
    public static func age(_ duration: Duration) -> String {
        let seconds = max(duration.wholeMilliseconds, 0) / 1000
        return seconds < 60 ? inSeconds(seconds) : inMinutes(seconds / 60)
    }

    /// How long is left: seconds under a minute, then whole minutes, both rounded up ("60 min"
    /// for 59 min 1 s).
    public static func remaining(_ duration: Duration) -> String {
        let seconds = roundedUpSeconds(duration)
        return seconds < 60 ? inSeconds(seconds) : inMinutes((seconds + 59) / 60)
    }

    /// How long until something happens (a retry, the next check): whole seconds rounded up
    /// ("6 s" for 5.8 s); from two minutes on, whole minutes rounded up.
    public static func delay(_ duration: Duration) -> String {
        let seconds = roundedUpSeconds(duration)
        return seconds < 120 ? inSeconds(seconds) : inMinutes((seconds + 59) / 60)
    }

    /// How long ago something happened, in the largest whole unit: "just now" under a minute,
    /// then "1 minute ago", "5 hours ago", "3 days ago" (rounded down, as `age`).
    public static func ago(_ duration: Duration) -> String {
        let seconds = max(duration.wholeMilliseconds, 0) / 1000
        if seconds < 60 { return L("just now") }
        if seconds < 3600 { return Ln("{n} minute ago", "{n} minutes ago", Int(seconds / 60)) }
        if seconds < 2 * 86400 { return Ln("{n} hour ago", "{n} hours ago", Int(seconds / 3600)) }
        return Ln("{n} day ago", "{n} days ago", Int(seconds / 86400))
    }

    // TRANSLATORS: a short duration in seconds, as "4 s"; {n} is the number.
    private static func inSeconds(_ count: Int64) -> String { L("{n} s", ["n": String(count)]) }

    // TRANSLATORS: a duration in whole minutes, as "5 min"; {n} is the number.
    private static func inMinutes(_ count: Int64) -> String { L("{n} min", ["n": String(count)]) }

    private static func roundedUpSeconds(_ duration: Duration) -> Int64 {
        (max(duration.wholeMilliseconds, 0) + 999) / 1000
    }
}

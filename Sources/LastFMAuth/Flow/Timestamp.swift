#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The wall clock, for the pending token's 60 minutes across runs and a profile's `createdAt`.
/// Read at the edges only; the wait itself runs on an injected `Clock`.
public enum Timestamp {
    /// Now, in seconds since 1970.
    public static func nowUnix() -> Int64 { Int64(Date.now.timeIntervalSince1970) }

    /// Now as ISO 8601 in UTC, such as `2026-11-25T17:18:29Z`.
    public static func nowISO8601() -> String { Date.now.formatted(.iso8601) }

    /// `text` (ISO 8601 in UTC, as `nowISO8601` writes it) in seconds since 1970; nil if it is not one.
    public static func unix(fromISO8601 text: String) -> Int64? {
        (try? Date.ISO8601FormatStyle().parse(text)).map { Int64($0.timeIntervalSince1970) }
    }
}

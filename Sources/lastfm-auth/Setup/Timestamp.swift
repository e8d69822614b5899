#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The wall clock, read at the edge only.
enum Timestamp {
    /// Now, in seconds since 1970.
    static func nowUnix() -> Int64 { Int64(Date.now.timeIntervalSince1970) }

    /// Now as ISO 8601 in UTC, such as `2026-11-25T17:18:29Z`.
    static func nowISO8601() -> String { Date.now.formatted(.iso8601) }
}

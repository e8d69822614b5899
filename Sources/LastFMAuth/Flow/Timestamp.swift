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
}

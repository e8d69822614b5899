import LastFMAuth
import Testing
import TestSupport
@testable import lastfm_auth

/// Issue #40: `status` reads one way in text and JSON, says times as people do, marks the profile
/// in use, and has one exit status for refused sessions and one for unchecked ones.
@Suite("The status report")
struct StatusReportTests {
    static let error = AuthError.transport(TransportError(.timeout, "no answer"))

    static func status(_ finding: ProfileStatus.Finding, service: Service = .librefm, inUse: Bool = false) -> ProfileStatus {
        let profile = Profile(service: service, apiKey: "0123456789abcdef0123456789abcdef", apiSecret: "fedcba9876543210fedcba9876543210",
                              session: Session(username: "alice", key: "d580d57f32848f5dcf574d1ce18d78b2"), createdAt: "2026-11-25T17:00:00Z")
        return ProfileStatus(name: "p", profile: profile, file: "/f", finding: finding, inUse: inUse)
    }

    @Test("exit 0 only when every session works; a refusal (2) before an unusable profile (1) before an unchecked session (3)")
    func exitStatus() {
        let connected = Self.status(.checked(.connected(user: "alice")))
        let revoked = Self.status(.checked(.revoked)), refused = Self.status(.checked(.keyRefused(Self.error)))
        let unchecked = Self.status(.checked(.couldNotCheck(Self.error))), failed = Self.status(.checked(.failed(Self.error)))
        let noKey = Self.status(.noSessionKey)
        #expect(ProfileStatus.exitStatus([connected, Self.status(.checked(.unverifiable(Self.error))), Self.status(.notChecked)]) == .success)
        #expect(ProfileStatus.exitStatus([connected, revoked]) == .sessionRefused)
        #expect(ProfileStatus.exitStatus([refused]) == .sessionRefused)
        #expect(ProfileStatus.exitStatus([unchecked, revoked, noKey]) == .sessionRefused)
        #expect(ProfileStatus.exitStatus([unchecked, noKey]) == .failed)
        #expect(ProfileStatus.exitStatus([connected, unchecked]) == .notChecked)
        #expect(ProfileStatus.exitStatus([failed]) == .notChecked)
    }

    @Test("the text says the service's word as JSON does, the time as people say it, the profile in use, the key only when asked",
          arguments: [Service.lastfm, .librefm])
    func textAndJSONAgree(service: Service) throws {
        let status = Self.status(.checked(.connected(user: "alice")), service: service, inUse: true)
        let now = try #require(Timestamp.unix(fromISO8601: "2026-11-28T18:00:00Z"))
        let text = StatusReport.text(status, now: now)
        let json = StatusReport.json(status)
        #expect(text.hasPrefix("Profile \"p\" (in use): connected as alice\n"))
        #expect(text.contains("  service  \(service.id) (\(service.displayName), \(service.apiRoot.text))\n"))
        #expect(json.contains("\"service\":\"\(service.id)\"") && json.contains("\"in_use\":true"))
        #expect(text.contains("  saved    3 days ago (2026-11-25)\n") && json.contains("\"created_at\":\"2026-11-25T17:00:00Z\""))
        #expect(!text.contains("d580d57f32848f5dcf574d1ce18d78b2") && !json.contains("d580d57f32848f5dcf574d1ce18d78b2"))
        #expect(StatusReport.text(status, showToken: true, now: now).contains("  session  d580d57f32848f5dcf574d1ce18d78b2\n"))
        #expect(StatusReport.json(status, showToken: true).contains("\"session_key\":\"d580d57f32848f5dcf574d1ce18d78b2\""))
        #expect(!StatusReport.text(Self.status(.notChecked, service: service), now: now).contains("(in use)"))
    }
}

import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// `lastfm-auth token` and `lastfm-auth logout` on a real credentials file (issue #11, first part).
@Suite("Saved profiles: token and logout")
struct SavedProfileTests {
    /// A credentials file with `default` (sandbox-user, with a key this version does not know),
    /// `other`, and `empty` (no session key).
    static func savedFile(_ scratch: ScratchFolder) -> String {
        func profile(_ key: String, _ extra: String = "") -> String {
            """
            {"api_key": "0123456789abcdef0123456789abcdef", "api_root": "https://ws.audioscrobbler.com/2.0/", \
            "api_secret": "fedcba9876543210fedcba9876543210", "auth_url": "https://www.last.fm/api/auth/", \
            "created_at": "2026-11-26T10:00:00Z", "service": "lastfm", "session_key": "\(key)", "username": "sandbox-user"\(extra)}
            """
        }
        let text = """
            {"profiles": {"default": \(profile("d81281a4058d309ad17d4d21621e80a5", ", \"app_note\": \"kept\"")), \
            "other": \(profile("00000000000000000000000000000001")), "empty": \(profile(""))}, "app_field": 42}
            """
        let path = scratch.write("credentials.json", text)
        chmod(path, 0o600)  // as lastfm-auth writes it (a world-readable one is fixed, with a warning)
        return path
    }

    @Test("token prints the session key alone on stdout; no key is exit 1, no profile exit 64, one line each")
    func token() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let file = Self.savedFile(scratch)
        let (status, stdout, stderr) = try await RunningProcess.run(["token", "--config", file], environment: scratch.environment)
        #expect(status == 0)
        #expect(stdout == "d81281a4058d309ad17d4d21621e80a5\n")
        #expect(stderr.isEmpty)
        let other = try await RunningProcess.run(["token", "--config", file, "--profile", "other"], environment: scratch.environment)
        #expect(other.1 == "00000000000000000000000000000001\n")
        let empty = try await RunningProcess.run(["token", "--config", file, "--profile", "empty"], environment: scratch.environment)
        #expect(empty.0 == 1 && empty.1.isEmpty)
        #expect(empty.2 == "lastfm-auth: profile \"empty\" in \(file) has no session key; run lastfm-auth --profile empty to connect\n")
        let missing = try await RunningProcess.run(["token", "--config", file, "--profile", "nope"], environment: scratch.environment)
        #expect(missing.0 == 64 && missing.1.isEmpty)
        #expect(missing.2 == "lastfm-auth: no profile \"nope\" in \(file), only \"default\", \"empty\", \"other\": name one with --profile NAME\n")
    }

    @Test("logout --yes removes one profile, keeps the others and unknown fields, forgets its pending token")
    func logout() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let file = Self.savedFile(scratch)
        let pending = PendingTokenStore(besideCredentialsAt: file)
        try pending.remember(PendingToken(apiRoot: "https://ws.audioscrobbler.com/2.0/", apiKey: "0123456789abcdef0123456789abcdef",
                                          token: "0123456789abcdef0123456789abcdef", issuedAt: 1_800_000_000), for: "default")
        let (status, stdout, stderr) = try await RunningProcess.run(["logout", "--config", file, "--yes"], environment: scratch.environment)
        #expect(status == 0)
        #expect(stdout.isEmpty)
        #expect(stderr.contains("Removed profile \"default\" (sandbox-user on https://ws.audioscrobbler.com/2.0/)"))
        #expect(stderr.contains("https://www.last.fm/settings/applications"), "where to revoke it for good")
        let left = try #require(scratch.read(file))
        #expect(!left.contains("d81281a4058d309ad17d4d21621e80a5") && !left.contains("app_note"))
        #expect(left.contains("00000000000000000000000000000001") && left.contains("\"app_field\" : 42"))
        #expect(pending.resumable(for: "default", apiRoot: "https://ws.audioscrobbler.com/2.0/", apiKey: "0123456789abcdef0123456789abcdef",
                                  now: 1_800_000_010, lifetime: .seconds(3600)) == nil, "the pending token is forgotten")
        let again = try await RunningProcess.run(["logout", "--config", file, "--yes"], environment: scratch.environment)
        // Issue #40: with "default" gone and none chosen, the two left are listed, not "no profile default".
        #expect(again.0 == 64 && again.2.hasPrefix("lastfm-auth: \(file) has 2 profiles and none is chosen: \"empty\", \"other\"."), "\(again.2)")
    }

    @Test("logout without --yes and without a terminal to ask on changes nothing, exit 64")
    func logoutNeedsConsent() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let file = Self.savedFile(scratch)
        let before = scratch.read(file)
        let (status, _, stderr) = try await RunningProcess.run(["logout", "--config", file], environment: scratch.environment)
        #expect(status == 64)
        #expect(stderr == "lastfm-auth: not removing profile \"default\" without --yes: standard input is not a terminal\n")
        #expect(scratch.read(file) == before)
    }

    @Test("on a terminal, logout asks: n keeps the profile (exit 1), y removes it")
    func logoutAsks() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let file = Self.savedFile(scratch)
        let keep = try await TmuxSession.start(["logout", "--config", file, "--profile", "other"], environment: scratch.environment, width: 120, height: 20)
        #expect(try await keep.waitFor("[y/N]").found)
        try await keep.type("n\n")
        #expect(try await keep.exitStatus() == 1)
        #expect(scratch.read(file)?.contains("00000000000000000000000000000001") == true)
        let remove = try await TmuxSession.start(["logout", "--config", file, "--profile", "other"], environment: scratch.environment, width: 120, height: 20)
        #expect(try await remove.waitFor("[y/N]").found)
        try await remove.type("y\n")
        #expect(try await remove.exitStatus() == 0)
        #expect(scratch.read(file)?.contains("00000000000000000000000000000001") == false)
    }
}

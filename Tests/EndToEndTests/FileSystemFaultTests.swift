import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// The credentials file on a full or read-only file system: a clear message, the file as it was,
/// and a received session key shown rather than lost.
@Suite("Credentials on a full or read-only file system", .enabled(if: TmpfsMount.isAvailable, "needs permission to mount a tmpfs (root with CAP_SYS_ADMIN)"))
struct FileSystemFaultTests {
    static let existing = #"{"profiles":{"other":{"api_root":"https://ws.audioscrobbler.com/2.0/","api_key":"b25b959554ed76058ac220b7b2e0a026","api_secret":"425b55975eed76058ac220b7b2e0a026","session_key":"d580d57f32848f5dcf574d1ce18d78b2","username":"bob"}}}"#

    /// A mounted tmpfs holding a credentials file with the profile "other" (and its lock file).
    static func volume() throws -> (TmpfsMount, config: String) {
        let volume = try TmpfsMount(sizeKiB: 64)
        let config = volume.path + "/credentials.json"
        // Written through close-on-exec descriptors: one a program another test starts meanwhile
        // inherited kept a file open for writing, and the read-only remount failed ("busy").
        let folder = ScratchFolder(existing: volume.path)
        folder.write("credentials.json", existing)
        folder.write("credentials.json.lock", "")
        return (volume, config)
    }

    @Test("a full disk: exit 1, the reason, the session key on screen and in --print, the old file untouched, no temporary left")
    func fullDisk() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let (volume, config) = try Self.volume()
            defer { volume.unmount() }
            volume.fill()
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let (status, stdout, stderr) = try await RunningProcess.run(
                ["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage, "--interval", "1",
                 "--config", config, "--print", "env"], environment: scratch.environmentWithSandboxCredentials)
            #expect(status == 1)
            #expect(stderr.contains("No space left on device"), "the reason is named: \(stderr)")
            let lines = stderr.split(separator: "\n")
            let keyLine = try #require(lines.firstIndex { $0.hasPrefix("Your session key") }.map { lines[$0 + 1] })
            #expect(keyLine.count == 32)
            #expect(stdout.contains("LASTFM_SESSION_KEY='\(keyLine)'"))
            #expect(scratch.read(config) == Self.existing, "the earlier file is exactly as it was")
            let left = try FileManager.default.contentsOfDirectory(atPath: volume.path)
            #expect(!left.contains { $0.contains(".tmp-") }, "no temporary file is left behind: \(left)")
        }
    }

    @Test("a read-only file system: refused before the user approves anything, with the reason, the file untouched")
    func readOnly() async throws {
        let (volume, config) = try Self.volume()
        defer { volume.unmount() }
        try volume.remountReadOnly()
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let (status, stdout, stderr) = try await RunningProcess.run(
            ["--plain", "--sandbox", "--no-browser", "--config", config], environment: scratch.environment)
        #expect(status == 1)
        #expect(stderr.hasSuffix("lastfm-auth: could not write to \(volume.path): Read-only file system\n"), "the reason is named: \(stderr)")
        #expect(!stderr.contains("/api/auth/"), "no authorize URL: the user is not sent to approve what cannot be saved")
        #expect(stdout.isEmpty)
        #expect(scratch.read(config) == Self.existing)
    }
}

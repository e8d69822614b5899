import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// Issue #19, through the real binary: custom servers typed as people type them, and addresses
/// that are not the API named as such at once (a real GNU FM site's root took 29 s and three
/// retries to end in a parser's words).
@Suite("Custom servers off the happy road (plain front)")
struct CustomServerTests {
    static func run(_ root: String, sandbox: SandboxServer, scratch: ScratchFolder) async throws -> (status: Int32?, stderr: String, seconds: Double) {
        let started = ContinuousClock.now
        let (status, _, stderr) = try await RunningProcess.run(["--plain", "--no-browser", "--api-root", root, "--interval", "1"],
                                                               environment: scratch.environmentWithSandboxCredentials)
        let elapsed = started.duration(to: .now)
        return (status, stderr, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test("a bare host gets /2.0/ and the authorize page is derived from it; both are said, and the flow succeeds")
    func bareHost() async throws {
        let sandbox = try await SandboxServer.start(SandboxConfiguration(approveAfter: .zero))
        defer { Task { await sandbox.stop() } }
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let origin = "http://127.0.0.1:\(sandbox.port)"
        let result = try await Self.run(origin, sandbox: sandbox, scratch: scratch)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Using the API root \(origin)/2.0/ (typed as \(origin))."))
        #expect(result.stderr.contains("Using the authorize page \(origin)/api/auth/, derived from the API root."))
        #expect(result.stderr.contains("\(origin)/api/auth/?api_key="), "the authorize URL uses the derived page")
        #expect(!result.stderr.contains("redirect"))
    }

    /// A site's front page, as a GNU FM install's root answers (docs/protocol.md).
    static let sitePage = SandboxFault.raw(status: 200, headers: ["Content-Type": "text/html; charset=utf-8"],
                                           body: Array("<!DOCTYPE html>\n<html><head><title>Libre.fm</title></head><body>Welcome</body></html>".utf8))

    @Test("a web page where the API should be, and a 404: one try, the address named, what an API root looks like", arguments: [
        ("/2.0/", "this address serves a web page, not the Last.fm API (HTTP 200)"),
        ("/nope/", "there is no Last.fm-compatible API at this address (HTTP 404)"),
    ])
    func notTheAPI(path: String, reason: String) async throws {
        let sandbox = try await SandboxServer.start(SandboxConfiguration())
        defer { Task { await sandbox.stop() } }
        if path == "/2.0/" { sandbox.inject([Self.sitePage, Self.sitePage, Self.sitePage]) }
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let origin = "http://127.0.0.1:\(sandbox.port)"
        let result = try await Self.run(origin + path, sandbox: sandbox, scratch: scratch)
        #expect(result.status == 1)
        let root = path.hasSuffix("/") ? origin + path : origin + path + "/"
        #expect(result.stderr.contains("lastfm-auth: could not get a token from \(root): \(reason). An API root usually ends in /2.0/, such as \(origin)/2.0/."),
                "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("trying again"), "not retried: the address is wrong, not busy")
        #expect(!result.stderr.contains("Cancelled"))
        #expect(result.seconds < 15, "ended at once, not after retries (\(result.seconds) s)")
    }

    /// Issue #19: a GNU FM server checks neither key nor signature (docs/protocol.md); the sandbox
    /// plays one by answering whatever was sent, as GNU FM does.
    @Test("no key for a server that may not check one: a key and secret are made on the spot, said, used and saved")
    func withoutAPIAccount() async throws {
        let sandbox = try await SandboxServer.start(SandboxConfiguration())
        defer { Task { await sandbox.stop() } }
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let token = TestCredentials.token
        sandbox.inject([
            .raw(status: 200, headers: ["Content-Type": "application/json"], body: Array(#"{"token":"\#(token)"}"#.utf8)),
            .raw(status: 200, headers: ["Content-Type": "application/json"], body: Array(#"{"session":{"name":"alice","key":"\#(TestCredentials.sessionKey)","subscriber":0}}"#.utf8)),
        ])
        let (status, _, stderr) = try await RunningProcess.run(["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--interval", "1"],
                                                               environment: scratch.environment)
        #expect(status == 0, "stderr: \(stderr)")
        #expect(stderr.contains("Going on without an API account: a key and secret were made on the spot for 127.0.0.1 and are saved with the profile."))
        let saved = try #require(scratch.read(scratch.credentialsPath))
        let key = try #require(saved.firstMatch(of: /"api_key" : "([0-9a-f]{32})"/)?.1)
        #expect(key != SandboxAccount.apiKey && stderr.contains("api_key=\(key)&token=\(token)"), "the made-up key is used and saved")
    }

    @Test("a made-up key that the server refuses after all: real ones are asked for, with where to give them")
    func realCredentialsNeeded() async throws {
        let sandbox = try await SandboxServer.start(SandboxConfiguration())
        defer { Task { await sandbox.stop() } }
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let (status, _, stderr) = try await RunningProcess.run(["--plain", "--no-browser", "--api-root", sandbox.apiRoot], environment: scratch.environment)
        #expect(status == 1)
        #expect(stderr.contains("lastfm-auth: this server checks API keys after all (error 10: "), "stderr: \(stderr)")
        #expect(stderr.contains("Give them with --api-key and --api-secret-file"))
    }
}

import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// Issue #36, through the real binary: what the run decides (`RunRules`) holds where a person
/// meets it: a saved session never kept for another key, a bare rerun that resumes a custom
/// server's token, a piped secret used, a web server at the API root named at once.
@Suite("One run, one driver: the run's decisions through the binary")
struct RunDriverTests {
    static let gnufm = SandboxConfiguration(flavor: .gnufm)

    @Test("a saved session made with another API key is replaced, never kept or printed")
    func otherKeyNotKept() async throws {
        var configuration = Self.gnufm
        configuration.approveAfter = .zero
        try await SandboxServer.with(configuration) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let server = ["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--interval", "1"]
            let keyA = String(repeating: "a", count: 32), keyB = String(repeating: "b", count: 32)
            var environment = scratch.environment
            environment["LASTFM_API_SECRET"] = String(repeating: "c", count: 32)
            let (first, _, firstErr) = try await RunningProcess.run(server + ["--api-key", keyA], environment: environment)
            #expect(first == 0, "stderr: \(firstErr)")
            let sessionA = try #require(sandbox.sessions.first?.key)
            let (second, stdout, secondErr) = try await RunningProcess.run(server + ["--api-key", keyB, "--print", "env"], environment: environment)
            #expect(second == 0, "stderr: \(secondErr)")
            #expect(secondErr.contains(Wording.savedSessionOtherKey), "stderr: \(secondErr)")
            #expect(!secondErr.contains("Kept the saved session"))
            #expect(stdout.contains("LASTFM_API_KEY='\(keyB)'") && !stdout.contains(keyA) && !stdout.contains(sessionA), "stdout: \(stdout)")
            #expect(sandbox.sessions.count == 2, "a new session was made for key B")
        }
    }

    @Test("Ctrl-C, then a bare rerun: the custom server's pending token is taken up there, said with its server and age")
    func bareRerunResumesCustomServer() async throws {
        try await SandboxServer.with(Self.gnufm) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let first = try RunningProcess(["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--interval", "1"], environment: scratch.environment)
            #expect(await first.waitForStderr(containing: "Waiting for approval"))
            let token = try #require(GNUFMServerTests.parameter("token", in: first.stderr))
            first.interrupt()
            #expect(await first.exitStatus() == 130)
            #expect(first.stderr.contains("run lastfm-auth again to resume"))

            let second = try RunningProcess(["--plain", "--no-browser", "--interval", "1"], environment: scratch.environment)
            #expect(await second.waitForStderr(containing: "Waiting for approval"), "stderr: \(second.stderr)")
            #expect(second.stderr.contains("Taking up the token an earlier run left waiting at \(sandbox.apiRoot)"), "stderr: \(second.stderr)")
            #expect(GNUFMServerTests.parameter("token", in: second.stderr) == token)
            #expect(sandbox.approve(token: token))
            #expect(await second.exitStatus() == 0, "stderr: \(second.stderr)")
            #expect(sandbox.requests.filter { $0.method == "auth.getToken" }.count == 1, "one token for both runs")
            #expect(scratch.read(scratch.credentialsPath)?.contains(sandbox.apiRoot) == true)
        }
    }

    @Test("with the key given, a line piped in is the secret, on a server that does not check secrets too")
    func pipedSecretUsed() async throws {
        var configuration = Self.gnufm
        configuration.approveAfter = .zero
        try await SandboxServer.with(configuration) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let key = String(repeating: "d", count: 32), secret = String(repeating: "e", count: 32)
            let (status, _, stderr) = try await RunningProcess.run(
                ["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--interval", "1", "--api-key", key], environment: scratch.environment,
                stdin: secret + "\n")
            #expect(status == 0, "stderr: \(stderr)")
            #expect(!stderr.contains("made on the spot"), "stderr: \(stderr)")
            let saved = try #require(scratch.read(scratch.credentialsPath))
            #expect(saved.contains("\"api_secret\" : \"\(secret)\""), "saved: \(saved)")
        }
    }

    @Test("a plain web server at the API root (HTTP 501 to the API's POST) is named at once, never retried")
    func staticWebServerNamed() async throws {
        let web = try await StaticWebServer()
        defer { web.stop() }
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let started = ContinuousClock.now
        let (status, _, stderr) = try await RunningProcess.run(["--plain", "--no-browser", "--api-root", web.root], environment: scratch.environmentWithSandboxCredentials)
        let took = ContinuousClock.now - started
        #expect(status == 1, "stderr: \(stderr)")
        #expect(stderr.contains("a web server that takes no API requests, not the Last.fm API (HTTP 501)"), "stderr: \(stderr)")
        #expect(!stderr.contains("trying again"), "stderr: \(stderr)")
        #expect(took < .seconds(10), "named in seconds: \(took)")
    }

    @Test("a typed address is checked before the key and secret are asked: a plain web server there ends the run before any question")
    func addressCheckedFirst() async throws {
        let web = try await StaticWebServer()
        defer { web.stop() }
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let (status, _, stderr) = try await RunningProcess.run(["--plain", "--no-browser", "--api-root", web.root], environment: scratch.environment, stdin: "")
        #expect(status == 1, "stderr: \(stderr)")
        #expect(stderr.contains("Checking that a Last.fm-compatible API answers at \(web.root)..."), "stderr: \(stderr)")
        #expect(stderr.contains("not the Last.fm API (HTTP 501)"), "stderr: \(stderr)")
        #expect(!stderr.contains(Wording.Prompt.optionalAPIKey) && !stderr.contains(Wording.Prompt.apiKey), "nothing asked: \(stderr)")
    }

    @Test("every exit status is in the manual's EXIT STATUS (lastfm-auth help exit-status) and in the README")
    func exitStatusesDocumented() async throws {
        // Issue #40: --help fits a screen; EXIT STATUS is a topic of `lastfm-auth help` and of the man page.
        let (status, help, _) = try await RunningProcess.run(["help", "exit-status"], environment: ["HOME": "/nonexistent"])
        #expect(status == 0)
        let section = help.components(separatedBy: "EXIT STATUS").last?.components(separatedBy: "EXAMPLES").first ?? ""
        let readme = try String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").path,
                                encoding: .utf8)
        let readmeStatuses = readme.components(separatedBy: "Exit status (`ExitStatus`").last?.prefix(900) ?? ""
        for exit in LastFMAuth.ExitStatus.allCases {
            #expect(section.contains("  \(exit.rawValue) "), "--help lacks \(exit.rawValue): \(section)")
            #expect(readmeStatuses.contains("\(exit.rawValue) "), "README lacks \(exit.rawValue)")
        }
        for signal: Int32 in [1, 15] {
            #expect(section.contains("\(LastFMAuth.ExitStatus.signal(signal))"), "--help lacks \(LastFMAuth.ExitStatus.signal(signal)): \(section)")
            #expect(readmeStatuses.contains("\(LastFMAuth.ExitStatus.signal(signal))"), "README lacks \(LastFMAuth.ExitStatus.signal(signal))")
        }
    }
}

import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// Issue #27, through the real binary's plain front against the sandbox acting as a GNU FM server
/// (`SandboxFlavor.gnufm`: any key, errors with HTTP 200, 14 for any token not approved).
@Suite("A GNU FM server, as a new user meets it (plain front)")
struct GNUFMServerTests {
    static let gnufm = SandboxConfiguration(flavor: .gnufm)

    static func arguments(_ sandbox: SandboxServer, _ more: [String] = []) -> [String] {
        ["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--interval", "1"] + more
    }

    /// The 32 characters after `name=` in the authorize URL the binary printed.
    static func parameter(_ name: String, in stderr: String) -> String? {
        guard let range = stderr.range(of: name + "=") else { return nil }
        return String(stderr[range.upperBound...].prefix(32))
    }

    @Test("without an API account, Ctrl-C, then run again: the token is resumed with the key made the first time, and approved")
    func resumeWithoutAPIAccount() async throws {
        try await SandboxServer.with(Self.gnufm) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let first = try RunningProcess(Self.arguments(sandbox), environment: scratch.environment)
            #expect(await first.waitForStderr(containing: "Waiting for approval"))
            #expect(first.stderr.contains("Going on without an API account: a key and secret were made on the spot for 127.0.0.1."))
            #expect(!first.stderr.contains("saved with the profile"), "nothing is saved yet")
            #expect(first.stderr.contains("Open this address in a browser, sign in and allow access (a GNU FM server's button says Submit):"))
            let token = try #require(Self.parameter("token", in: first.stderr))
            let key = try #require(Self.parameter("api_key", in: first.stderr))
            first.interrupt()
            #expect(await first.exitStatus() == 130)
            #expect(first.stderr.contains("run lastfm-auth again to resume"))

            let second = try RunningProcess(Self.arguments(sandbox), environment: scratch.environment)
            #expect(await second.waitForStderr(containing: "Waiting for approval"))
            #expect(second.stderr.contains("Going on without an API account, with the key and secret made for 127.0.0.1 in the earlier run."))
            #expect(second.stderr.contains("Resumed the token from an earlier run"))
            #expect(Self.parameter("token", in: second.stderr) == token && Self.parameter("api_key", in: second.stderr) == key)
            #expect(sandbox.approve(token: token))
            #expect(await second.exitStatus() == 0, "stderr: \(second.stderr)")
            #expect(sandbox.requests.filter { $0.method == "auth.getToken" }.count == 1, "one token for both runs")
            let saved = try #require(scratch.read(scratch.credentialsPath))
            #expect(saved.contains(key), "the made-up key is saved with the profile")
            #expect(!(scratch.read(".config/lastfm-auth/pending.json") ?? "").contains(key), "the pending token is forgotten once used")
        }
    }

    @Test("a saved session is kept (and printed, with the service and API root) on the next run; --replace gets a new one")
    func savedSessionKept() async throws {
        var configuration = Self.gnufm
        configuration.approveAfter = .zero
        try await SandboxServer.with(configuration) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let (status, _, stderr) = try await RunningProcess.run(Self.arguments(sandbox), environment: scratch.environment)
            #expect(status == 0, "stderr: \(stderr)")
            let (kept, stdout, keptErr) = try await RunningProcess.run(Self.arguments(sandbox, ["--print", "env"]), environment: scratch.environment)
            #expect(kept == 0, "stderr: \(keptErr)")
            #expect(keptErr.contains("Profile \"default\" already holds a session for sandbox-user."))
            #expect(keptErr.contains("Kept the saved session for sandbox-user. Run with --replace to replace it."))
            #expect(!keptErr.contains("Asking"), "no token asked for")
            #expect(sandbox.requests.filter { $0.method == "auth.getToken" }.count == 1)
            let sessionKey = try #require(sandbox.sessions.first?.key)
            #expect(stdout.contains("LASTFM_SESSION_KEY='\(sessionKey)'\n"))
            #expect(stdout.contains("LASTFM_API_ROOT='\(sandbox.apiRoot)'\n") && stdout.contains("LASTFM_SERVICE='custom'\n"), "stdout: \(stdout)")

            let (replaced, _, replacedErr) = try await RunningProcess.run(Self.arguments(sandbox, ["--replace"]), environment: scratch.environment)
            #expect(replaced == 0, "stderr: \(replacedErr)")
            #expect(replacedErr.contains("It will be replaced when you approve."))
            #expect(sandbox.requests.filter { $0.method == "auth.getToken" }.count == 2)
        }
    }

    @Test("a revoked saved session is replaced, said with why")
    func revokedSessionReplaced() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let arguments = ["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--interval", "1"]
            let (status, _, stderr) = try await RunningProcess.run(arguments, environment: scratch.environmentWithSandboxCredentials)
            #expect(status == 0, "stderr: \(stderr)")
            let sessionKey = try #require(sandbox.sessions.first?.key)
            #expect(sandbox.revoke(sessionKey: sessionKey))
            let (again, _, againErr) = try await RunningProcess.run(arguments, environment: scratch.environmentWithSandboxCredentials)
            #expect(again == 0, "stderr: \(againErr)")
            #expect(againErr.contains("It no longer works: it was revoked in the account's settings (error 9). A new one replaces it when you approve."))
            #expect(sandbox.sessions.count == 2)
        }
    }

    @Test("an address typed without a scheme becomes https; against a plain HTTP server the refusal says to type http://")
    func plainHTTPTypedWithoutScheme() async throws {
        try await SandboxServer.with(Self.gnufm) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let typed = "127.0.0.1:\(sandbox.port)"
            let (status, _, stderr) = try await RunningProcess.run(["--plain", "--no-browser", "--api-root", typed], environment: scratch.environment)
            #expect(status == 1)
            #expect(stderr.contains(": no TLS answered there."), "stderr: \(stderr)")
            #expect(stderr.contains("If the server speaks plain HTTP, type its address as http://\(typed)/2.0/"), "stderr: \(stderr)")
        }
    }

    @Test("a key but no secret, for a server that checks none: a secret is made on the spot, as with no key")
    func keyWithoutSecret() async throws {
        var configuration = Self.gnufm
        configuration.approveAfter = .zero
        try await SandboxServer.with(configuration) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let key = Credential.madeUp().apiKey
            let (status, _, stderr) = try await RunningProcess.run(Self.arguments(sandbox, ["--api-key", key]), environment: scratch.environment)
            #expect(status == 0, "stderr: \(stderr)")
            #expect(stderr.contains("Going on without a shared secret: GNU FM servers do not check it, so one was made on the spot."))
            #expect(try #require(scratch.read(scratch.credentialsPath)).contains(key))
        }
    }

    @Test("--verbose shows each answer's body, the token and session key redacted, GNU FM's tabs folded")
    func verboseAnswers() async throws {
        var configuration = Self.gnufm
        configuration.approveAfter = .zero
        try await SandboxServer.with(configuration) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let (status, _, stderr) = try await RunningProcess.run(Self.arguments(sandbox, ["--verbose"]), environment: scratch.environment)
            #expect(status == 0, "stderr: \(stderr)")
            #expect(stderr.contains(#"← auth.getToken: HTTP 200, 44 bytes: {"token":"<redacted>"}"#), "stderr: \(stderr)")
            #expect(stderr.contains(#"← auth.getSession: HTTP 200, "#) && stderr.contains(#""key":"<redacted>""#))
            let sessionKey = try #require(sandbox.sessions.first?.key)
            #expect(!stderr.contains(sessionKey))
        }
    }

    @Test("status of a GNU FM profile whose server is down: could not check, and no word about sandboxes; logout says GNU FM has no page for access")
    func statusAndLogout() async throws {
        var configuration = Self.gnufm
        configuration.approveAfter = .zero
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let port = try await SandboxServer.with(configuration) { sandbox in
            let (status, _, stderr) = try await RunningProcess.run(Self.arguments(sandbox), environment: scratch.environment)
            #expect(status == 0, "stderr: \(stderr)")
            return sandbox.port
        }
        let (down, stdout, _) = try await RunningProcess.run(["status"], environment: scratch.environment)
        #expect(down == LastFMAuth.ExitStatus.notChecked.rawValue)
        #expect(StatusTests.unwrapped(stdout).contains("Profile \"default\" (in use): could not check: could not connect to 127.0.0.1:\(port): connection refused\n"), "stdout: \(stdout)")
        #expect(!stdout.contains("a sandbox's sessions"), "only for a sandbox profile")
        let (removed, _, logoutErr) = try await RunningProcess.run(["logout", "--yes"], environment: scratch.environment)
        #expect(removed == 0)
        #expect(StatusTests.unwrapped(logoutErr).contains("on a page of the account's settings if the server has one (GNU FM servers have none)."), "stderr: \(logoutErr)")
        #expect(!logoutErr.contains("connected applications"))
    }
}

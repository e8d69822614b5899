import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// The real binary in plain mode (stdin not a terminal), against a sandbox on loopback.
@Suite("lastfm-auth --plain, end to end")
struct PlainModeTests {
    static let key = SandboxAccount.apiKey
    static let secret = SandboxAccount.apiSecret

    /// Approves through the sandbox's authorize page (`http://127.0.0.1:PORT/api/auth/`), as a
    /// person pressing Allow would.
    static func approve(page: String, token: String, user: String = "sandbox-user") async throws {
        let port = try #require(page.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) }, "a port in \(page)")
        let outcome = await SandboxApproval.approve(token: token, user: user, at: SandboxAddress(port: port), via: CurlTransport(environment: [:]))
        #expect(outcome == .approved)
    }

    /// The token in the authorize URL the binary printed.
    static func token(in stderr: String) -> String? {
        guard let range = stderr.range(of: "token=") else { return nil }
        return String(stderr[range.upperBound...].prefix(32))
    }

    @Test("--sandbox: the README's first run, approved on the sandbox page, saved and printed")
    func builtInSandbox() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let run = try RunningProcess(["--sandbox", "--no-browser", "--print", "env", "--interval", "1"], environment: scratch.environment)
        #expect(await run.waitForStderr(containing: "curl -s -d action=allow"))
        let token = try #require(Self.token(in: run.stderr))
        let page = try #require(run.stderr.split(separator: " ").last { $0.hasPrefix("http://127.0.0.1:") && $0.hasSuffix("/api/auth/") })
        try await Self.approve(page: String(page), token: token)
        #expect(await run.exitStatus() == 0)
        #expect(run.stderr.contains("Authorized as sandbox-user."))
        #expect(run.stderr.contains("Saved profile \"sandbox\" to \(scratch.credentialsPath)."))
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.first == "export LASTFM_API_KEY='\(Self.key)'")
        #expect(lines.contains("export LASTFM_SERVICE='sandbox'") && lines.contains { $0.hasPrefix("export LASTFM_API_ROOT='http://127.0.0.1:") })
        #expect(lines.contains("export LASTFM_USERNAME='sandbox-user'"))
        #expect(lines.contains { $0.hasPrefix("export LASTFM_SESSION_KEY='") && $0.count == "export LASTFM_SESSION_KEY=''".count + 32 })
        let saved = try #require(scratch.read(scratch.credentialsPath))
        #expect(saved.contains("\"sandbox\""))
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.credentialsPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("any compatible server by --api-root/--auth-url, key from the environment, secret from stdin, JSON out")
    func customServer() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            var env = scratch.environment
            env["LASTFM_API_KEY"] = Self.key
            let (status, stdout, stderr) = try await RunningProcess.run(
                ["--plain", "--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage, "--api-secret-file", "-",
                 "--profile", "work", "--print", "json", "--interval", "1", "--no-browser"],
                environment: env, stdin: Self.secret + "\n")
            #expect(status == 0, "stderr: \(stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: String])
            #expect(json["username"] == "sandbox-user")
            #expect(json["api_key"] == Self.key)
            #expect(json["api_secret"] == Self.secret)
            #expect(json["session_key"]?.count == 32)
            #expect(scratch.read(scratch.credentialsPath)?.contains(json["session_key"]!) == true)
            #expect(!stderr.contains(Self.secret), "the secret never reaches the screen")
            #expect(!stderr.contains(json["session_key"]!), "nor the session key")
        }
    }

    @Test("bad input gets one clear line and exit 64", arguments: [
        (["--api-key", "123", "--api-secret-file", "/dev/null"], "--api-key has 3 characters; it should have 32"),
        (["--api-root", "http://example.org/2.0/", "--auth-url", "https://example.org/auth/"], "use https://"),
        (["--auth-url", "https://example.org/api/auth/"], "--auth-url needs --api-root"),
        (["--no-such-flag"], "Unknown option '--no-such-flag'"),
        (["--api-key", "0123456789abcdef0123456789abcdef", "--api-secret-file", "/nonexistent/secret"], "cannot read the secret file /nonexistent/secret: No such file or directory"),
        (["--api-key", "0123456789abcdef0123456789abcdef"], "lastfm-auth: the shared secret is needed"),
        (["--interval", "0"], "--interval must be between 1 and 600 seconds"),
        (["--api-key", "0123456789abcdef0123456789abcdef", "--api-secret-file", "/dev/null"], "lastfm-auth: the secret in /dev/null is empty"),
        (["--api-key", "0123456789abcdef0123456789abcdef", "--api-secret-file", "/dev/zero"], "the secret file /dev/zero is too large to hold a shared secret"),
        (["--api-key", "0123456789abcdef0123456789abcdef", "--api-secret-file", "/"], "cannot read the secret file /: Is a directory"),
    ])
    func badInput(arguments: [String], message: String) async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let (status, stdout, stderr) = try await RunningProcess.run(["--plain", "--no-browser"] + arguments, environment: scratch.environment)
        #expect(status == 64, "stderr: \(stderr)")
        #expect(stderr.contains(message), "stderr: \(stderr)")
        #expect(stdout.isEmpty)
        #expect(!stderr.contains("Fatal error") && !stderr.contains("Stack dump"))
    }

    /// A run interrupted with Ctrl-C while it waits: its token is left pending for the next run.
    static func tokenLeftWaiting(_ arguments: [String], _ environment: [String: String]) async throws -> (String, RunningProcess) {
        let run = try RunningProcess(arguments, environment: environment)
        #expect(await run.waitForStderr(containing: "Waiting for approval"))
        let token = try #require(Self.token(in: run.stderr))
        run.interrupt()
        #expect(await run.exitStatus() == 130)
        return (token, run)
    }

    @Test("Ctrl-C while waiting exits 130; running again resumes the same token")
    func interruptAndResume() async throws {
        try await SandboxServer.with(SandboxConfiguration()) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let env = scratch.environmentWithSandboxCredentials
            let arguments = ["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage, "--interval", "1"]
            let (token, first) = try await Self.tokenLeftWaiting(arguments, env)
            #expect(first.stderr.contains("Cancelled."))
            #expect(scratch.read(scratch.credentialsPath) == nil, "no partial credentials file")

            let second = try RunningProcess(arguments, environment: env)
            #expect(await second.waitForStderr(containing: "Resumed the token from an earlier run"))
            #expect(second.stderr.contains(" s old)."), "a token seconds old is not called minutes old: \(second.stderr)")
            #expect(Self.token(in: second.stderr) == token)
            #expect(sandbox.approve(token: token))
            #expect(await second.exitStatus() == 0)
            #expect(sandbox.requests.filter { $0.method == "auth.getToken" }.count == 1)
        }
    }

    @Test("an unusable credentials location is reported before the user is sent to approve anything")
    func unusableConfigFailsEarly() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let blocker = scratch.write("not-a-folder", "x")
        let env = scratch.environmentWithSandboxCredentials
        let (status, _, stderr) = try await RunningProcess.run(["--plain", "--config", blocker + "/credentials.json"], environment: env)
        #expect(status == 1)
        #expect(stderr == "lastfm-auth: could not open \(blocker)/credentials.json: Not a directory\n")
    }

    @Test("a closed standard output (SIGPIPE) is reported, the session is still saved, exit 1")
    func closedStdout() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let run = try RunningProcess(["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage,
                                          "--interval", "1", "--print", "env"], environment: scratch.environmentWithSandboxCredentials, closedStdout: true)
            #expect(await run.exitStatus() == 1)
            #expect(run.stderr.contains("could not write to standard output, which was closed; the session is saved"))
            #expect(scratch.read(scratch.credentialsPath)?.contains("sandbox-user") == true)
        }
    }

    /// Issue #13: while the person is on the authorize page, only a definitive answer ends the wait.
    @Test("an oversized answer, a redirect and a 404 in the middle of the wait are retried; approval then succeeds")
    func troubleWhileWaiting() async throws {
        try await SandboxServer.with { sandbox in
            try await SandboxServer.with { elsewhere in
                sandbox.inject([
                    .delay(.zero),  // auth.getToken gets its normal answer
                    .raw(status: 200, body: [UInt8](repeating: 0x20, count: 2 << 20)),
                    .raw(status: 302, headers: ["Location": elsewhere.apiRoot], body: []),
                    .raw(status: 404, headers: ["Content-Type": "text/html"], body: Array("<html>Sign in to the Wi-Fi</html>".utf8)),
                ])
                let scratch = ScratchFolder()
                defer { scratch.remove() }
                let run = try RunningProcess(["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage, "--interval", "1"],
                                             environment: scratch.environmentWithSandboxCredentials)
                #expect(await run.waitForStderr(containing: "HTTP 404"), "all three faults were met: \(run.stderr)")
                let token = try #require(Self.token(in: run.stderr))
                #expect(sandbox.approve(token: token))
                #expect(await run.exitStatus() == 0, "stderr: \(run.stderr)")
                #expect(run.stderr.contains("larger than 1 MiB. Checking again in"))
                #expect(run.stderr.contains("redirected"))
                #expect(run.stderr.contains("Authorized as sandbox-user."))
                #expect(scratch.read(scratch.credentialsPath)?.contains("sandbox-user") == true)
                #expect(elsewhere.requests.isEmpty, "the redirect was not followed")
            }
        }
    }

    @Test("a user name with escape sequences is shown and printed inert; --verbose redacts secrets")
    func inertServerText() async throws {
        try await SandboxServer.with(SandboxConfiguration()) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let env = scratch.environmentWithSandboxCredentials
            let run = try RunningProcess(["--plain", "--no-browser", "--verbose", "--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage,
                                          "--interval", "1", "--print", "env"], environment: env)
            #expect(await run.waitForStderr(containing: "Waiting for approval"))
            let token = try #require(Self.token(in: run.stderr))
            try await Self.approve(page: sandbox.authPage, token: token, user: "eve\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{202E}x")
            #expect(await run.exitStatus() == 0)
            #expect(!run.stderr.contains("\u{1B}") && !run.stdout.contains("\u{1B}"))
            #expect(run.stderr.contains("Authorized as evex."))
            #expect(run.stdout.contains("LASTFM_USERNAME='evex'"))
            #expect(run.stderr.contains("api_sig=<redacted>"))
            #expect(!run.stderr.contains(Self.secret))
        }
    }

    @Test("eight instances at once on one credentials file: all finish, no profile is lost")
    func concurrentInstances() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let names = (1...8).map { "instance\($0)" }
            let runs = try names.map { name in
                try RunningProcess(["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage,
                                    "--interval", "1", "--profile", name], environment: scratch.environmentWithSandboxCredentials)
            }
            for run in runs { #expect(await run.exitStatus() == 0, "stderr: \(run.stderr)") }
            let saved = try #require(scratch.read(scratch.credentialsPath))
            // Beside the profiles, the one the commands use (issue #40): the last of the eight to save.
            let file = try #require(try JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any])
            #expect(Set((file["profiles"] as? [String: Any])?.keys.map { $0 } ?? []) == Set(names))
            #expect((file["current_profile"] as? String).map(names.contains) == true)
        }
    }
}

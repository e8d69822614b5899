import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// `lastfm-auth status` end to end: sessions made by the real binary against the sandbox, then
/// checked, revoked on the sandbox's page, the server stopped, a profile removed (issue #11).
@Suite("Saved profiles: status")
struct StatusTests {
    /// Connects `profile` through the real plain flow; the sandbox approves at once.
    static func connect(_ profile: String, to sandbox: SandboxServer, config: String, scratch: ScratchFolder) async throws {
        let (status, _, stderr) = try await RunningProcess.run(
            ["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage, "--interval", "1",
             "--config", config, "--profile", profile], environment: scratch.environmentWithSandboxCredentials)
        #expect(status == 0, "\(stderr)")
    }

    /// Runs `body` with a sandbox that approves at once, a scratch home, and a credentials file in
    /// it where the real binary has connected `profiles`.
    static func withProfiles(_ profiles: String..., body: (SandboxServer, ScratchFolder, String) async throws -> Void) async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let config = scratch.home + "/credentials.json"
            for profile in profiles { try await connect(profile, to: sandbox, config: config, scratch: scratch) }
            try await body(sandbox, scratch, config)
        }
    }

    /// Presses Revoke on the sandbox's applications page for the session whose key is `sessionKey`.
    static func revokeOnPage(_ sandbox: SandboxServer, sessionKey: String) async throws {
        let transport = CurlTransport(environment: [:])
        let page = try await transport.send(HTTPRequest(method: .get, url: sandbox.applicationsPage))
        let row = try #require(String(decoding: page.body, as: UTF8.self).split(separator: "\n").first { $0.contains("...\(sessionKey.suffix(4))") })
        let id = try #require(row.firstMatch(of: /name="session" value="([0-9a-f]+)"/)?.1)
        let form = FormEncoding.encode([("session", String(id)), ("action", "revoke")])
        let answer = try await transport.send(HTTPRequest(method: .post, url: sandbox.applicationsPage,
                                                          headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8)))
        #expect(answer.status == 200)
    }

    /// The fields under a profile's sentence, each "  label" padded to the value's column.
    static let fieldLabels = ["  service  ", "  user     ", "  API key  ", "  secrets  ", "  saved    ", "  file     ", "  server   "]

    /// `status` text with each wrapped sentence on one line again: its next lines are indented by
    /// two spaces, as the fields are, but carry no label.
    static func unwrapped(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("  "), !fieldLabels.contains(where: { line.hasPrefix($0) }), let last = lines.popLast() {
                lines.append(last + " " + line.dropFirst(2))
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Issue #26: the sentences of `status` fit an 80-column terminal (a field's path may not).
    static func sentencesFit(_ text: String) -> Bool {
        text.split(separator: "\n").filter { line in !fieldLabels.contains { line.hasPrefix($0) } }.allSatisfy { $0.count <= 80 }
    }

    /// Each line's object, its strings and booleans as text ("true", "false").
    static func objects(_ stdout: String) throws -> [[String: String]] {
        try stdout.split(separator: "\n").map { line in
            try JSONDecoder().decode([String: JSONValue].self, from: Data(line.utf8)).compactMapValues { value in
                switch value {
                case .string(let text): text
                case .bool(let flag): String(flag)
                default: nil
                }
            }
        }
    }

    @Test("connected, then revoked on the sandbox page (exit 2, how to reconnect), then the server down: could not check (exit 3)")
    func connectedRevokedDown() async throws {
        try await Self.withProfiles("default", "work") { sandbox, scratch, config in

            let (status, stdout, stderr) = try await RunningProcess.run(["status", "--config", config], environment: scratch.environment)
            #expect(status == 0)
            #expect(stderr.isEmpty)
            // Issue #40: the service's word is the one --json gives (it said the host, 127.0.0.1);
            // the last login's profile is the one in use.
            #expect(stdout.contains("Profile \"default\": connected as sandbox-user\n  service  custom (\(sandbox.apiRoot))\n  user     sandbox-user\n  API key  0123...cdef\n"))
            #expect(stdout.contains("Profile \"work\" (in use): connected as sandbox-user"))
            #expect(stdout.contains("  file     \(config)\n"))
            let saved = try #require(scratch.read(config))
            #expect(!stdout.contains(SandboxAccount.apiSecret) && !stdout.contains(SandboxAccount.apiKey))
            let token = try await RunningProcess.run(["token", "--config", config, "--profile", "default"], environment: scratch.environment).1
            let sessionKey = token.trimmingCharacters(in: .newlines)
            #expect(sessionKey.count == 32 && saved.contains(sessionKey) && !stdout.contains(sessionKey), "the session key is never shown")

            try await Self.revokeOnPage(sandbox, sessionKey: sessionKey)
            let revoked = try await RunningProcess.run(["status", "--config", config], environment: scratch.environment)
            #expect(revoked.0 == LastFMAuth.ExitStatus.sessionRefused.rawValue)
            #expect(Self.unwrapped(revoked.1).contains("Profile \"default\": revoked: the session key no longer works, as access was removed in the account's settings; run `lastfm-auth --profile default` to connect again\n"))
            #expect(revoked.1.contains("Profile \"work\" (in use): connected as sandbox-user"))

            let json = try await RunningProcess.run(["status", "--config", config, "--json"], environment: scratch.environment)
            #expect(json.0 == LastFMAuth.ExitStatus.sessionRefused.rawValue && json.2.isEmpty)
            let objects = try Self.objects(json.1)
            try #require(objects.count == 2, "\(json.1)")
            #expect(objects.map { $0["profile"] } == ["default", "work"])
            #expect(objects.map { $0["state"] } == ["revoked", "connected"])
            #expect(objects[1]["connected_as"] == "sandbox-user" && objects[1]["api_key"] == "0123...cdef" && objects[1]["file"] == config)
            #expect(objects.allSatisfy { $0["session_key"] == nil && $0["api_secret"] == nil })
            #expect(objects.map { $0["in_use"] } == ["false", "true"] && objects.map { $0["service"] } == ["custom", "custom"])

            await sandbox.stop()
            let down = try await RunningProcess.run(["status", "--config", config, "--profile", "work"], environment: scratch.environment)
            #expect(down.0 == LastFMAuth.ExitStatus.notChecked.rawValue)
            #expect(Self.unwrapped(down.1).hasPrefix("Profile \"work\" (in use): could not check: could not connect to 127.0.0.1:\(sandbox.port): connection refused; a sandbox's sessions exist only while that sandbox runs\n"))
            #expect(Self.sentencesFit(down.1), "wrapped at 80 columns (issue #26): \(down.1)")
            let offline = try await RunningProcess.run(["status", "--config", config, "--offline"], environment: scratch.environment)
            #expect(offline.0 == 0, "--offline only reads the file")
            #expect(offline.1.contains("Profile \"work\" (in use): saved (not checked: --offline)"))
        }
    }

    @Test("two profiles, one removed with logout: status shows the other only")
    func oneRemoved() async throws {
        try await Self.withProfiles("default", "work") { _, scratch, config in
            #expect(try await RunningProcess.run(["logout", "--config", config, "--profile", "work", "--yes"], environment: scratch.environment).0 == 0)
            let (status, stdout, _) = try await RunningProcess.run(["status", "--config", config, "--json"], environment: scratch.environment)
            #expect(status == 0)
            #expect(try Self.objects(stdout).map { $0["profile"] } == ["default"])
            let gone = try await RunningProcess.run(["status", "--config", config, "--profile", "work"], environment: scratch.environment)
            #expect(gone.0 == 64 && gone.1.isEmpty)
            #expect(gone.2 == "lastfm-auth: no profile \"work\" in \(config), only \"default\": name one with --profile NAME\n")
        }
    }

    @Test("a server that cannot check a session (GNU FM: error 6 in its own shape) is 'not verifiable', exit 0, never 'connected'")
    func unverifiable() async throws {
        try await Self.withProfiles("libre") { sandbox, scratch, config in
            let gnuFM = ##"{"error":{"#text":"Invalid parameters - Your request is missing a required parameter","code":"6"}}"##
            sandbox.inject([.raw(status: 200, headers: ["Content-Type": "application/json"], body: Array(gnuFM.utf8))])
            let (status, stdout, _) = try await RunningProcess.run(["status", "--config", config], environment: scratch.environment)
            #expect(status == 0)
            // Issue #19: one short sentence for people; the server's words under --verbose. Issue #26:
            // this test asked for the sentence on one 125-column line; it is wrapped at 80 now.
            #expect(Self.unwrapped(stdout).hasPrefix("Profile \"libre\" (in use): saved, not verifiable: this server cannot say whose session key this is (--verbose shows its answer)\n"), "\(stdout)")
            #expect(Self.sentencesFit(stdout), "every sentence fits 80 columns: \(stdout)")
            #expect(!stdout.contains("connected") && !stdout.contains("error 6"))
            sandbox.inject([.raw(status: 200, headers: ["Content-Type": "application/json"], body: Array(gnuFM.utf8))])
            let verbose = try await RunningProcess.run(["status", "--config", config, "--verbose"], environment: scratch.environment)
            #expect(verbose.1.contains("\n  server   error 6 from the server: Invalid parameters - Your request is missing a required parameter\n"), "\(verbose.1)")
        }
    }

    @Test("bad input: one clear line each, the right exit status, nothing rewritten")
    func badInput() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let empty = scratch.write("empty.json", "{\"profiles\": {}}\n")
        chmod(empty, 0o600)
        let noProfiles = try await RunningProcess.run(["status", "--config", empty], environment: scratch.environment)
        #expect(noProfiles.0 == 1 && noProfiles.1.isEmpty)
        #expect(noProfiles.2 == "lastfm-auth: no saved profiles in \(empty); run lastfm-auth login to connect one (or lastfm-auth --sandbox to try it without an account)\n")
        let missing = try await RunningProcess.run(["status"], environment: scratch.environment)
        #expect(missing.0 == 1 && missing.2 == "lastfm-auth: no saved profiles in \(scratch.credentialsPath); run lastfm-auth login to connect one (or lastfm-auth --sandbox to try it without an account)\n")

        let corrupt = scratch.write("corrupt.json", "{\"profiles\": [1, 2")
        chmod(corrupt, 0o600)
        let broken = try await RunningProcess.run(["status", "--config", corrupt, "--json"], environment: scratch.environment)
        #expect(broken.0 == 1 && broken.1.isEmpty)
        #expect(broken.2 == "lastfm-auth: \(corrupt) is not a valid credentials file: not a JSON object. It was left untouched: fix or move it\n")
        #expect(scratch.read(corrupt) == "{\"profiles\": [1, 2")

        // default and other complete, empty without a session key, half with fields missing.
        let file = SavedProfileTests.savedFile(scratch)
        let before = try #require(scratch.read(file))
        let withHalf = before.replacingOccurrences(of: "\"app_field\"", with: "\"unused\": 0, \"app_field\"")
            .replacingOccurrences(of: "{\"profiles\": {", with: "{\"profiles\": {\"half\": {\"api_key\": \"x\"}, ")
        FileManager.default.createFile(atPath: file, contents: Data(withHalf.utf8))
        chmod(file, 0o600)
        let (status, stdout, stderr) = try await RunningProcess.run(["status", "--config", file, "--offline"], environment: scratch.environment)
        #expect(status == 1)
        #expect(stderr.isEmpty)
        let sentences = Self.unwrapped(stdout)
        #expect(sentences.contains("Profile \"default\" (in use): saved (not checked: --offline)"))
        #expect(sentences.contains("Profile \"empty\": no session key saved; run `lastfm-auth --profile empty` to connect again"))
        #expect(sentences.contains("Profile \"half\": cannot be used: \(file) is not a valid credentials file: the entry 'half' is incomplete. It was left untouched"))
        #expect(scratch.read(file) == withHalf, "status never writes")
        let unknown = try await RunningProcess.run(["status", "--config", file, "--profile", "nope"], environment: scratch.environment)
        #expect(unknown.0 == 64 && unknown.1.isEmpty && unknown.2 == "lastfm-auth: no profile \"nope\" in \(file), only \"default\", \"empty\", \"half\", \"other\": name one with --profile NAME\n")
    }

    @Test("bash completion of --profile offers the names saved in the file the command line points at")
    func completion() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let file = SavedProfileTests.savedFile(scratch)
        let script = scratch.home + "/completion.bash"
        let generated = try await ToolRun.run(RunningProcess.binary, ["--generate-completion-script", "bash"])
        #expect(generated.status == 0)
        FileManager.default.createFile(atPath: script, contents: Data(generated.output.utf8))
        // What bash does on TAB after `lastfm-auth status --config FILE --profile o`: the function
        // gets the command, the word being completed and the one before it.
        let complete = """
            source '\(script)'
            COMP_WORDS=('\(RunningProcess.binary)' status --config '\(file)' --profile o)
            COMP_CWORD=5; COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _lastfm-auth lastfm-auth o --profile; printf '%s\\n' "${COMPREPLY[@]}"
            COMPREPLY=()
            COMP_WORDS=('\(RunningProcess.binary)' token --config '\(file)' --profile '')
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _lastfm-auth lastfm-auth '' --profile; printf '%s\\n' "${COMPREPLY[@]}"
            """
        let run = try await ToolRun.run("bash", ["-c", complete])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "other\ndefault\nempty\nother\n")
    }
}

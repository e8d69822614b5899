import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// Issue #40 through the binary: the profile `token`, `status` and `logout` use, `switch`,
/// `login` and the short flags, `--print env` that exports, and `status`'s exit statuses.
@Suite("Profiles as the commands use them")
struct ProfileCommandsTests {
    /// Connects profile `name` with the plain front against `sandbox` (which approves at once),
    /// through `login` and its short flags; returns the run's standard output.
    static func connect(_ name: String, on sandbox: SandboxServer, scratch: ScratchFolder, extra: [String] = []) async throws -> String {
        let (status, stdout, stderr) = try await RunningProcess.run(
            ["login", "--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage, "--interval", "1", "-p", name] + extra,
            environment: scratch.environmentWithSandboxCredentials)
        #expect(status == 0, "stderr: \(stderr)")
        #expect(stderr.contains("Saved profile \"\(name)\""), "stderr: \(stderr)")
        return stdout
    }

    /// A profile saved straight into the file, with no choice made: a file as older versions wrote it.
    static func saveQuietly(_ name: String, key: String, in scratch: ScratchFolder) throws {
        let profile = Profile(service: .lastfm, apiKey: SandboxAccount.apiKey, apiSecret: SandboxAccount.apiSecret,
                              session: Session(username: "user-\(name)", key: key), createdAt: "2026-11-25T17:00:00Z")
        try CredentialsStore(path: scratch.credentialsPath).save(profile, as: name)
    }

    @Test("one profile of any name: token, status and logout use it; --sandbox is that profile or refused with a sentence")
    func onlyProfile() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            _ = try await Self.connect("work", on: sandbox, scratch: scratch)
            let key = try #require(sandbox.sessions.first?.key)

            let token = try await RunningProcess.run(["token"], environment: scratch.environment)
            #expect(token.0 == 0 && token.1 == key + "\n", "stderr: \(token.2)")
            let status = try await RunningProcess.run(["status"], environment: scratch.environment)
            #expect(status.0 == 0, "stderr: \(status.2)")
            #expect(status.1.hasPrefix("Profile \"work\" (in use): connected as sandbox-user\n"), "stdout: \(status.1)")

            for command in ["token", "status", "logout"] {
                let refused = try await RunningProcess.run([command, "--sandbox", "--yes"].filter { command == "logout" || $0 != "--yes" },
                                                          environment: scratch.environment)
                #expect(refused.0 == 64 && refused.1.isEmpty, "\(command): \(refused)")
                #expect(refused.2.contains("--sandbox means the profile \"sandbox\"") && refused.2.contains("\"work\""), "\(command): \(refused.2)")
            }

            let logout = try await RunningProcess.run(["logout", "-y"], environment: scratch.environment)
            #expect(logout.0 == 0, "stderr: \(logout.2)")
            #expect(logout.2.contains("Removed profile \"work\""))
            let none = try await RunningProcess.run(["token"], environment: scratch.environment)
            #expect(none.0 == 64 && none.2.contains("no saved profiles") && none.2.contains("lastfm-auth login"), "stderr: \(none.2)")
        }
    }

    @Test("the README's path: lastfm-auth --sandbox saves \"sandbox\"; token, status --sandbox and logout use it")
    func sandboxPath() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let run = try RunningProcess(["--sandbox", "--no-browser", "--interval", "1"], environment: scratch.environment)
        #expect(await run.waitForStderr(containing: "curl -s -d action=allow"))
        let token = try #require(PlainModeTests.token(in: run.stderr))
        let page = try #require(run.stderr.split(separator: " ").last { $0.hasPrefix("http://127.0.0.1:") && $0.hasSuffix("/api/auth/") })
        try await PlainModeTests.approve(page: String(page), token: token)
        #expect(await run.exitStatus() == 0, "stderr: \(run.stderr)")

        let printed = try await RunningProcess.run(["token", "--sandbox"], environment: scratch.environment)
        #expect(printed.0 == 0 && printed.1.count == 33, "\(printed)")
        let bare = try await RunningProcess.run(["token"], environment: scratch.environment)
        #expect(bare.1 == printed.1)
        let status = try await RunningProcess.run(["status", "--sandbox", "--offline"], environment: scratch.environment)
        #expect(status.0 == 0 && status.1.hasPrefix("Profile \"sandbox\" (in use): saved"), "\(status)")
        let logout = try await RunningProcess.run(["logout", "--sandbox", "--yes"], environment: scratch.environment)
        #expect(logout.0 == 0 && logout.2.contains("Removed profile \"sandbox\""), "\(logout)")
    }

    @Test("two profiles, none chosen: the choice is asked for with the profiles listed, exit 64; switch chooses; a login chooses its own")
    func twoProfiles() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let keyA = String(repeating: "a", count: 32), keyB = String(repeating: "b", count: 32)
        try Self.saveQuietly("lastfm", key: keyA, in: scratch)
        try Self.saveQuietly("libre", key: keyB, in: scratch)

        for command in [["token"], ["logout", "--yes"], ["move", "file"]] {
            let (status, stdout, stderr) = try await RunningProcess.run(command, environment: scratch.environment)
            #expect(status == LastFMAuth.ExitStatus.usage.rawValue && stdout.isEmpty, "\(command): \(stderr)")
            #expect(stderr.contains("2 profiles and none is chosen: \"lastfm\", \"libre\""), "\(command): \(stderr)")
            #expect(stderr.contains("lastfm-auth switch NAME") && stderr.contains("--profile NAME"), "\(command): \(stderr)")
        }
        #expect(try CredentialsStore(path: scratch.credentialsPath).profileNames() == ["lastfm", "libre"], "nothing removed")

        let missing = try await RunningProcess.run(["switch", "nope"], environment: scratch.environment)
        #expect(missing.0 == 64 && missing.2.contains("no profile \"nope\"") && missing.2.contains("\"lastfm\", \"libre\""), "\(missing)")
        let chosen = try await RunningProcess.run(["switch", "libre"], environment: scratch.environment)
        #expect(chosen.0 == 0, "\(chosen)")
        #expect(try await RunningProcess.run(["token"], environment: scratch.environment).1 == keyB + "\n")
        #expect(try await RunningProcess.run(["token", "-p", "lastfm"], environment: scratch.environment).1 == keyA + "\n")
        let status = try await RunningProcess.run(["status", "--offline"], environment: scratch.environment)
        #expect(status.1.contains("Profile \"libre\" (in use): saved") && status.1.contains("Profile \"lastfm\": saved"), "\(status.1)")

        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            _ = try await Self.connect("third", on: sandbox, scratch: scratch)
            let key = try #require(sandbox.sessions.first?.key)
            #expect(try await RunningProcess.run(["token"], environment: scratch.environment).1 == key + "\n", "the new login is the one used")
        }
    }

    @Test("eval of --print env reaches a child process in sh, bash and dash; --print dotenv gives the same lines without export")
    func printEnvExports() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let env = try await Self.connect("work", on: sandbox, scratch: scratch, extra: ["--print", "env"])
            let key = try #require(sandbox.sessions.first?.key)
            #expect(env.split(separator: "\n").allSatisfy { $0.hasPrefix("export LASTFM_") }, "stdout: \(env)")
            let shells = ["/bin/sh", "/usr/bin/bash", "/usr/bin/dash", "/usr/bin/zsh"].filter { FileManager.default.isExecutableFile(atPath: $0) }
            #expect(shells.count >= 2)
            for shell in shells {
                let child = try await RunningProcess.run(["-c", #"eval "$1"; sh -c 'echo "$LASTFM_SESSION_KEY $LASTFM_USERNAME"'"#, "sh", env],
                                                        environment: [:], executable: shell)
                #expect(child.0 == 0 && child.1 == "\(key) sandbox-user\n", "\(shell): \(child)")
            }
            let dotenv = try await RunningProcess.run(["-p", "work", "--print", "dotenv"], environment: scratch.environment)
            #expect(dotenv.0 == 0, "stderr: \(dotenv.2)")
            #expect(dotenv.1 == env.replacingOccurrences(of: "export ", with: ""), "the same lines: \(dotenv.1)")
            // Without export, eval sets shell variables only: the child sees nothing, which is why env exports.
            let unexported = try await RunningProcess.run(["-c", #"eval "$1"; sh -c 'echo "[$LASTFM_SESSION_KEY]"'"#, "sh", dotenv.1],
                                                         environment: [:], executable: "/bin/sh")
            #expect(unexported.1 == "[]\n")
        }
    }

    @Test("status exits 0 only when every session works, 2 when one is revoked, 3 when one cannot be checked; text and JSON agree")
    func statusExits() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            _ = try await Self.connect("gone", on: sandbox, scratch: scratch)
            _ = try await Self.connect("live", on: sandbox, scratch: scratch)
            let good = try await RunningProcess.run(["status"], environment: scratch.environment)
            #expect(good.0 == LastFMAuth.ExitStatus.success.rawValue, "\(good)")

            let gone = try #require(sandbox.sessions.first?.key)
            #expect(sandbox.revoke(sessionKey: gone))
            let text = try await RunningProcess.run(["status"], environment: scratch.environment)
            #expect(text.0 == LastFMAuth.ExitStatus.sessionRefused.rawValue, "\(text)")
            #expect(text.1.contains("Profile \"gone\": revoked") && text.1.contains("Profile \"live\" (in use): connected as sandbox-user"), "\(text.1)")
            #expect(text.1.contains("  service  custom (\(sandbox.apiRoot))"), "\(text.1)")
            #expect(text.1.contains("  saved    just now ("), "\(text.1)")
            #expect(!text.1.contains(gone), "no session key without --show-token")

            let json = try await RunningProcess.run(["status", "--json"], environment: scratch.environment)
            #expect(json.0 == text.0)
            let objects = try json.1.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            #expect(objects.map { $0["profile"] as? String } == ["gone", "live"])
            #expect(objects.map { $0["state"] as? String } == ["revoked", "connected"])
            #expect(objects.map { $0["service"] as? String } == ["custom", "custom"], "the word the text says")
            #expect(objects.map { $0["in_use"] as? Bool } == [false, true])
            #expect(objects.allSatisfy { ($0["created_at"] as? String).flatMap(Timestamp.unix(fromISO8601:)) != nil }, "the exact time")
            #expect(objects.allSatisfy { $0["session_key"] == nil })

            let shown = try await RunningProcess.run(["status", "--json", "--show-token", "-p", "gone"], environment: scratch.environment)
            #expect(shown.1.contains("\"session_key\":\"\(gone)\""), "\(shown)")
            let shownText = try await RunningProcess.run(["status", "--show-token", "-p", "gone"], environment: scratch.environment)
            #expect(shownText.1.contains("  session  \(gone)\n"), "\(shownText)")
        }
        // The sandbox has stopped: nothing answers at its address.
        let unchecked = try await RunningProcess.run(["status", "-p", "live"], environment: scratch.environment)
        #expect(unchecked.0 == LastFMAuth.ExitStatus.notChecked.rawValue, "\(unchecked)")
        #expect(unchecked.1.contains("Profile \"live\" (in use): could not check"), "\(unchecked.1)")
        let unknown = try await RunningProcess.run(["status", "--json", "-p", "live"], environment: scratch.environment)
        #expect(unknown.0 == LastFMAuth.ExitStatus.notChecked.rawValue && unknown.1.contains("\"state\":\"could_not_check\""), "\(unknown)")
    }

    @Test("login runs the setup with the same options as a bare lastfm-auth; --help fits a screen and names only real options")
    func loginAndHelp() async throws {
        // An 80-column terminal's width: swift-argument-parser wraps --help at COLUMNS.
        let (status, help, _) = try await RunningProcess.run(["--help"], environment: ["HOME": "/nonexistent", "COLUMNS": "80"])
        #expect(status == 0)
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 45 && lines.allSatisfy { $0.count <= 80 }, "\(lines.count) lines:\n\(help)")
        for command in ["login", "status", "token", "switch", "logout", "move", "help"] {
            #expect(help.contains("\n  \(command) "), "--help lacks \(command)")
        }
        var options = ""
        for command in ["login", "status", "token", "logout"] {
            let (_, text, _) = try await RunningProcess.run([command, "--help"], environment: ["HOME": "/nonexistent"])
            #expect(text.hasPrefix("OVERVIEW:") && text.contains("USAGE: lastfm-auth \(command) "), "\(command): \(text)")
            options += text
        }
        for option in ["-p, --profile <name>", "-v, --verbose", "-y, --yes", "--print <format>", "--api-secret-file <path>"] {
            #expect(options.contains(option), "no \(option)")
        }
        // Every option the root's --help names is an option of a command.
        let named = help.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",.()\n")) }.filter { $0.hasPrefix("-") && $0.count > 1 }
        #expect(!named.isEmpty)
        for option in Set(named) where !["-h", "--help", "--version"].contains(option) {
            #expect(options.contains(option + " ") || options.contains(option + ",") || options.contains(option + "\n"), "--help names \(option), which no command has")
        }

        let sandboxHelp = try await RunningProcess.run(["sandbox", "--help"], environment: ["HOME": "/nonexistent"])
        #expect(sandboxHelp.1.contains("USAGE: lastfm-auth sandbox ") && !sandboxHelp.1.contains("lastfm-auth-sandbox ["), "\(sandboxHelp)")
        let tokenHelp = try await RunningProcess.run(["token", "--help"], environment: ["HOME": "/nonexistent"])
        #expect(!tokenHelp.1.contains("status shows"), "token's --profile speaks of token: \(tokenHelp.1)")

        let bare = try await RunningProcess.run(["--api-root", "x", "--service", "lastfm"], environment: ["HOME": "/nonexistent"])
        let login = try await RunningProcess.run(["login", "--api-root", "x", "--service", "lastfm"], environment: ["HOME": "/nonexistent"])
        #expect(bare.0 == 64 && login.0 == 64 && bare.2 == login.2, "the same checks: \(bare.2) / \(login.2)")
    }
}

extension ProfileCommandsTests {
    @Test("the man page's source (--experimental-dump-help, which scripts/install reads) has the whole manual; --help the short text")
    func manualSource() async throws {
        let (status, dump, _) = try await RunningProcess.run(["--experimental-dump-help"], environment: ["HOME": "/nonexistent"])
        #expect(status == 0)
        for heading in ["ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES", "lastfm-auth switch NAME", "export NAME='value'"] {
            #expect(dump.contains(heading), "the man page lacks \(heading)")
        }
        for exit in LastFMAuth.ExitStatus.allCases { #expect(dump.contains("  \(exit.rawValue) "), "no \(exit.rawValue)") }
        let (_, help, _) = try await RunningProcess.run(["--help"], environment: ["HOME": "/nonexistent"])
        #expect(!help.contains("ENVIRONMENT") && help.contains("COMMON OPTIONS"))
        let (_, manual, _) = try await RunningProcess.run(["help"], environment: ["HOME": "/nonexistent"])
        #expect(manual.contains("EXIT STATUS") && manual.contains("COMMANDS") && manual.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}

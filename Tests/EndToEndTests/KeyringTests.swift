import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Issue #20: the secrets in a real Secret Service (gnome-keyring on a D-Bus session bus of the
/// test's own), checked with secret-tool; and every way a keyring can fail, each ending with the
/// secrets in the file and the reason said, within the deadline.
@Suite("The desktop keyring, for real", .serialized)
struct KeyringTests {
    /// A sandbox that approves at once, and the flags that point a plain run at it.
    static func sandboxRun() async throws -> (SandboxServer, [String]) {
        let sandbox = try await SandboxServer.start(SandboxConfiguration(approveAfter: .zero))
        return (sandbox, ["--plain", "--no-browser", "--interval", "1", "--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage])
    }

    /// A scratch HOME with an unlocked gnome-keyring on a bus of its own, and a sandbox that
    /// approves at once with the flags of a plain run against it.
    static func unlockedKeyring() async throws -> (ScratchFolder, SecretServiceSession, SandboxServer, [String]) {
        let scratch = ScratchFolder()
        let session = try await offPool { try SecretServiceSession(home: scratch.path, keyring: .unlocked) }
        let (sandbox, flags) = try await sandboxRun()
        return (scratch, session, sandbox, flags)
    }

    static func credentials(_ environment: [String: String]) -> [String: String] {
        environment.merging(["LASTFM_API_KEY": SandboxAccount.apiKey, "LASTFM_API_SECRET": SandboxAccount.apiSecret]) { $1 }
    }

    @Test("saved in the keyring: the file has no secret, secret-tool finds both, token and status read them, logout leaves no item")
    func wholeLife() async throws {
        let (scratch, session, sandbox, flags) = try await Self.unlockedKeyring()
        defer { session.stop(); scratch.remove() }
        try await sandbox.whileRunning { sandbox in
            let env = Self.credentials(session.environment)

            let (status, _, stderr) = try await RunningProcess.run(flags, environment: env)
            #expect(status == 0, "stderr: \(stderr)")
            #expect(stderr.contains(Wording.secretsSaved(SavedSecrets(place: .keyring))), "stderr: \(stderr)")
            let file = try #require(scratch.read(scratch.credentialsPath))
            #expect(file.contains("\"secret_store\" : \"keyring\""))
            #expect(!file.contains(SandboxAccount.apiSecret), "no shared secret in the file")
            #expect(!file.contains("session_key"), "no session key in the file")

            let secret = try session.secretTool(["lookup", "application", "lastfm-auth", "service", "custom", "profile", "default", "kind", "api_secret"])
            #expect(secret.output == SandboxAccount.apiSecret)
            let key = try session.secretTool(["lookup", "application", "lastfm-auth", "profile", "default", "kind", "session_key"])
            #expect(key.output.count == 32)
            #expect(try session.itemCount() == 2)

            let (tokenStatus, token, _) = try await RunningProcess.run(["token"], environment: session.environment)
            #expect(tokenStatus == 0)
            #expect(token == key.output + "\n", "token prints the keyring's session key")
            let (_, json, _) = try await RunningProcess.run(["status", "--json"], environment: session.environment)
            #expect(json.contains("\"secret_store\":\"keyring\"") && json.contains("\"state\":\"connected\""), "status: \(json)")

            let (logoutStatus, _, logoutErrors) = try await RunningProcess.run(["logout", "--yes"], environment: session.environment)
            #expect(logoutStatus == 0)
            #expect(logoutErrors.contains("and its secrets from the keyring"), "logout: \(logoutErrors)")
            #expect(try session.itemCount() == 0, "no item left behind")
        }
    }

    @Test("--for rescrobbled with the keyring: the profile's secrets go there, rescrobbled still gets its own copy of the session, and that is said")
    func handOffWithKeyring() async throws {
        let scratch = ScratchFolder()
        let session = try await offPool { try SecretServiceSession(home: scratch.path, keyring: .unlocked) }
        defer { session.stop(); scratch.remove() }
        // rescrobbled talks to Last.fm only: its API root, answered by a sandbox (LastFMStandIn).
        try await LastFMStandIn.with(SandboxConfiguration(approveAfter: .zero)) { lastfm in
            let folder = scratch.path + "/.config/rescrobbled"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            scratch.write(folder + "/config.toml", "lastfm-key = \"\(SandboxAccount.apiKey)\"\nlastfm-secret = \"\(SandboxAccount.apiSecret)\"\n", mode: 0o644)
            let flags = ["--plain", "--no-browser", "--interval", "1", "--service", "lastfm", "--for", "rescrobbled", "--store", "keyring"]
            let (status, _, stderr) = try await RunningProcess.run(flags, environment: lastfm.environment(session.environment))
            #expect(status == 0, "stderr: \(stderr)")
            let key = try session.secretTool(["lookup", "application", "lastfm-auth", "profile", "rescrobbled", "kind", "session_key"])
            #expect(key.output.count == 32, "the profile's session key is in the keyring")
            #expect(scratch.read(scratch.credentialsPath)?.contains("session_key") == false, "and not in the credentials file")
            #expect(scratch.read(folder + "/session") == key.output, "rescrobbled's own copy, the same key")
            #expect(stderr.contains("The profile's session key is in the keyring; rescrobbled reads its own copy, written above."), "stderr: \(stderr)")
        }
    }

    @Test("--store file, then move to the keyring and back: each copy written and read back before the old one goes")
    func moveBothWays() async throws {
        let (scratch, session, sandbox, flags) = try await Self.unlockedKeyring()
        defer { session.stop(); scratch.remove() }
        try await sandbox.whileRunning { sandbox in

            let (status, _, stderr) = try await RunningProcess.run(flags + ["--store", "file"], environment: Self.credentials(session.environment))
            #expect(status == 0)
            #expect(stderr.contains(Wording.secretsSaved(SavedSecrets(place: .file))), "stderr: \(stderr)")
            #expect(try session.itemCount() == 0)
            let (_, keyInFile, _) = try await RunningProcess.run(["token"], environment: session.environment)

            let (toKeyring, _, moved) = try await RunningProcess.run(["move", "keyring"], environment: session.environment)
            #expect(toKeyring == 0, "move: \(moved)")
            #expect(try session.itemCount() == 2)
            #expect(scratch.read(scratch.credentialsPath)?.contains("session_key") == false)
            let (_, keyInKeyring, _) = try await RunningProcess.run(["token"], environment: session.environment)
            #expect(keyInKeyring == keyInFile && keyInFile.count == 33)

            let (again, _, already) = try await RunningProcess.run(["move", "keyring"], environment: session.environment)
            #expect(again == 0 && already.contains("already keeps its secrets in the keyring"))

            let (toFile, _, _) = try await RunningProcess.run(["move", "file"], environment: session.environment)
            #expect(toFile == 0)
            #expect(try session.itemCount() == 0)
            #expect(scratch.read(scratch.credentialsPath)?.contains(keyInFile.trimmingCharacters(in: .newlines)) == true)
        }
    }

    /// The ways a keyring cannot take the secrets, and what is said for each.
    enum Failure: String, CaseIterable {
        case noBus, locked, noSecretService, neverAnswers
    }

    @Test("a keyring that cannot take them: the secrets in the file, the reason said, within the deadline, with or without --store keyring",
          arguments: Failure.allCases)
    func fallsBackToTheFile(failure: Failure) async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        var session: SecretServiceSession?
        var silent: SilentSocket?
        var env = ["HOME": scratch.path]
        let reason: String
        switch failure {
        case .noBus:
            reason = KeyringError.noSessionBus.description
        case .locked:
            session = try await offPool { try SecretServiceSession(home: scratch.path, keyring: .locked) }
            env = session!.environment
            // Known before anything is stored (KeyringState), in our words rather than the service's.
            reason = "the keyring is locked (its password is needed to unlock it)"
        case .noSecretService:
            session = try await offPool { try SecretServiceSession(home: scratch.path, keyring: .none) }
            env = session!.environment
            reason = "the Secret Service said: The name org.freedesktop.secrets was not provided by any .service files"
        case .neverAnswers:
            silent = try SilentSocket(path: scratch.path + "/silent-bus")
            env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=" + scratch.path + "/silent-bus"
            reason = KeyringError.timedOut(SecretServiceKeyring.defaultDeadline).description
        }
        defer { session?.stop(); silent?.close() }
        let (sandbox, flags) = try await Self.sandboxRun()
        try await sandbox.whileRunning { sandbox in

            for (index, store) in [[], ["--store", "keyring"]].enumerated() {
                let profile = ["--profile", "p\(index)"]
                let started = ContinuousClock.now
                let (status, _, stderr) = try await RunningProcess.run(flags + store + profile, environment: Self.credentials(env))
                let took = ContinuousClock.now - started
                #expect(status == 0, "stderr: \(stderr)")
                #expect(stderr.contains("The shared secret and session key are in the file (mode 0600); the keyring was not used: \(reason)."), "stderr: \(stderr)")
                // The flow itself takes about a second; the one keyring call that hangs is cut at 3 s.
                #expect(took < .seconds(15), "took \(took)")
                let (tokenStatus, token, _) = try await RunningProcess.run(["token"] + profile, environment: env)
                #expect(tokenStatus == 0 && token.count == 33, "the session key is in the file")
            }
        }
    }

    @Test("status and token when the keyring holding a profile is locked, or lost its items: their own state, one line, the rest of the profile shown")
    func unreadable() async throws {
        let (scratch, session, sandbox, flags) = try await Self.unlockedKeyring()
        defer { session.stop(); scratch.remove() }
        try await sandbox.whileRunning { sandbox in
            for profile in ["gone", "locked"] {
                let (status, _, _) = try await RunningProcess.run(flags + ["--profile", profile], environment: Self.credentials(session.environment))
                #expect(status == 0)
            }
            #expect(try session.secretTool(["clear", "application", "lastfm-auth", "profile", "gone"]).status == 0)
            let (missingStatus, missing, _) = try await RunningProcess.run(["status", "--json", "--offline"], environment: session.environment)
            #expect(missingStatus == 1)
            let before = missing.split(separator: "\n")
            try #require(before.count == 2, "status: \(missing)")
            #expect(before[0].contains("\"state\":\"keyring_item_missing\"") && before[0].contains("\"user\":\"sandbox-user\""), "\(before[0])")
            #expect(before[0].contains("which could not give them: the keyring has no shared secret for this profile; run `lastfm-auth --profile gone` to connect again"), "\(before[0])")
            #expect(before[1].contains("\"state\":\"not_checked\""), "\(before[1])")

            // Locked, a lookup finds nothing without saying why: it is named as locked, not as missing.
            try session.lock()
            let (lockedStatus, locked, _) = try await RunningProcess.run(["status", "--json", "--offline", "--profile", "locked"], environment: session.environment)
            #expect(lockedStatus == 1)
            #expect(locked.contains("\"state\":\"keyring_locked\"") && locked.contains("\"user\":\"sandbox-user\""), "status: \(locked)")

            let (tokenStatus, token, errors) = try await RunningProcess.run(["token", "--profile", "locked"], environment: session.environment)
            #expect(tokenStatus == 1 && token.isEmpty)
            #expect(errors == "lastfm-auth: the secrets of profile \"locked\" are in the keyring, which could not give them: the keyring is locked (its password is needed to unlock it)\n")

            // A new run is not stopped by it: the secret is given again and the new session replaces it.
            let (again, _, said) = try await RunningProcess.run(flags + ["--profile", "locked", "--store", "file"], environment: Self.credentials(session.environment))
            #expect(again == 0, "stderr: \(said)")
            #expect(said.contains("warning: the secrets of profile \"locked\" are in the keyring"))
        }
    }

    @Test("move keyring without a keyring: not moved, the reason said, exit 1, the file as it was")
    func moveWithoutKeyring() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let (sandbox, flags) = try await Self.sandboxRun()
        try await sandbox.whileRunning { sandbox in
            let (status, _, _) = try await RunningProcess.run(flags, environment: Self.credentials(scratch.environment))
            #expect(status == 0)
            let before = scratch.read(scratch.credentialsPath)
            let (moved, _, said) = try await RunningProcess.run(["move", "keyring"], environment: scratch.environment)
            #expect(moved == 1)
            #expect(said == "lastfm-auth: not moved: \(KeyringError.noSessionBus); the secrets stay in the file\n")
            #expect(scratch.read(scratch.credentialsPath) == before)
        }
    }

    @Test("without a session bus, the keyring is never loaded: nothing is started, the answer is immediate")
    func noBusLoadsNothing() throws {
        let keyring = SecretServiceKeyring(environment: ["HOME": "/nonexistent"])
        let item = KeyringItem(file: "/x", profile: "p", kind: .apiSecret, service: "lastfm", apiRoot: "https://ws.audioscrobbler.com/2.0/")
        #expect(throws: KeyringError.noSessionBus) { try keyring.lookup(item) }
        #expect(throws: KeyringError.noSessionBus) { try keyring.store("s", as: item) }
        let maps = (try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)) ?? ""
        #expect(!maps.contains("libsecret"), "libsecret was loaded")
    }
}

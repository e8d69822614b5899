import Foundation
import LastFMApps
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// Issue #30, through the real binary's plain front against the sandbox: `--for rescrobbled`
/// reads the app's key and secret, and writes the session where rescrobbled reads it.
@Suite("--for rescrobbled, through the binary")
struct AppHandOffTests {
    static let approving = SandboxConfiguration(approveAfter: .zero)

    /// A plain run for rescrobbled on Last.fm, whose API root `LastFMStandIn` answers (rescrobbled
    /// talks to Last.fm only: a session from another server is refused before anything is written).
    static func arguments(_ more: [String] = []) -> [String] {
        ["--plain", "--no-browser", "--service", "lastfm", "--interval", "1", "--for", "rescrobbled"] + more
    }

    /// rescrobbled's folder in `scratch`, with `config` as its config.toml when given.
    @discardableResult
    static func rescrobbled(_ scratch: ScratchFolder, config: String?) throws -> String {
        let folder = scratch.path + "/.config/rescrobbled"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let config { scratch.write(folder + "/config.toml", config, mode: 0o644) }
        return folder
    }

    static let settings = "# my rescrobbled\nmin-play-time = 30   # seconds\nplayer-whitelist = [\"mpv\"]\n\n[[listenbrainz]]\ntoken = \"lb\"\n"

    @Test("key and secret in config.toml: nothing typed, the session file holds exactly the key, config.toml unchanged byte for byte")
    func keyAndSecretThere() async throws {
        try await LastFMStandIn.with(Self.approving) { lastfm in
            let sandbox = lastfm.sandbox
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let config = "lastfm-key = \"\(SandboxAccount.apiKey)\"\napi-secret = \"\(SandboxAccount.apiSecret)\"\n" + Self.settings
            let folder = try Self.rescrobbled(scratch, config: config)
            let (status, _, stderr) = try await RunningProcess.run(Self.arguments(), environment: lastfm.environment(scratch.environment))
            #expect(status == 0, "stderr: \(stderr)")
            #expect(stderr.contains("Using the key from lastfm-key in \(folder)/config.toml and the secret from api-secret in \(folder)/config.toml (rescrobbled's own)."))
            #expect(!stderr.contains(Wording.Prompt.apiKey) && !stderr.contains("Shared secret"), "nothing asked: \(stderr)")
            let sessionKey = try #require(sandbox.sessions.first?.key)
            #expect(scratch.read(folder + "/session") == sessionKey, "the key alone, no line break")
            #expect(scratch.mode(folder + "/session") == 0o600)
            #expect(scratch.read(folder + "/config.toml") == config)
            #expect(stderr.contains("rescrobbled: wrote the session key to \(folder)/session."))
            #expect(stderr.contains("rescrobbled reads the session when it starts: its next start uses this one."))
            #expect(scratch.read(scratch.credentialsPath)?.contains("\"rescrobbled\"") == true, "the profile is named after the app")
            #expect(!stderr.contains(sessionKey) && !stderr.contains(SandboxAccount.apiSecret), "no secret on the screen")
        }
    }

    @Test("no key in config.toml: asked for (a custom server, yet no key made up: the app needs a real one), then written there at the top, the rest byte for byte, the file before kept")
    func keyAsked() async throws {
        try await LastFMStandIn.with(Self.approving) { lastfm in
            let sandbox = lastfm.sandbox
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let folder = try Self.rescrobbled(scratch, config: Self.settings)
            let (status, _, stderr) = try await RunningProcess.run(Self.arguments(), environment: lastfm.environment(scratch.environment),
                                                                   stdin: SandboxAccount.apiKey + "\n" + SandboxAccount.apiSecret + "\n")
            #expect(status == 0, "stderr: \(stderr)")
            #expect(stderr.contains("rescrobbled's settings have no API key or secret yet: the ones you give are written there for it."))
            #expect(stderr.contains(Wording.Prompt.apiKey) && stderr.contains(Wording.Prompt.secret), "asked for: \(stderr)")
            #expect(!stderr.contains("without an API account"))
            #expect(scratch.read(folder + "/config.toml")
                    == "lastfm-key = \"\(SandboxAccount.apiKey)\"\nlastfm-secret = \"\(SandboxAccount.apiSecret)\"\n" + Self.settings)
            #expect(scratch.read(folder + "/config.toml.bak") == Self.settings)
            #expect(scratch.mode(folder + "/config.toml") == 0o600, "it holds the secret now")
            #expect(stderr.contains("rescrobbled: wrote lastfm-key and lastfm-secret to \(folder)/config.toml (what was there is kept in \(folder)/config.toml.bak)."))
            #expect(scratch.read(folder + "/session") == sandbox.sessions.first?.key)
        }
    }

    @Test("a config.toml that does not parse: left alone, where and what, nothing asked or started")
    func brokenConfig() async throws {
        try await LastFMStandIn.with(Self.approving) { lastfm in
            let sandbox = lastfm.sandbox
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let broken = "lastfm-key = \"\(SandboxAccount.apiKey)\nmin-play-time = 30\n"
            let folder = try Self.rescrobbled(scratch, config: broken)
            let (status, _, stderr) = try await RunningProcess.run(Self.arguments(), environment: lastfm.environment(scratch.environment))
            #expect(status == 1)
            #expect(stderr.contains("rescrobbled's settings: \(folder)/config.toml could not be understood: line 1, column"), "stderr: \(stderr)")
            #expect(stderr.contains("It was not changed: mend it and run again"))
            #expect(scratch.read(folder + "/config.toml") == broken)
            #expect(sandbox.requests.isEmpty, "nothing started")
            #expect(scratch.read(folder + "/session") == nil)
        }
    }

    @Test("a server rescrobbled does not talk to: refused before anything is asked, sent or written; its working session file untouched")
    func otherServerRefusedFirst() async throws {
        try await SandboxServer.with(Self.approving) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let folder = try Self.rescrobbled(scratch, config: "lastfm-key = \"\(SandboxAccount.apiKey)\"\nlastfm-secret = \"\(SandboxAccount.apiSecret)\"\n")
            scratch.write(folder + "/session", "a-working-session-key")
            let (status, _, stderr) = try await RunningProcess.run(
                ["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--interval", "1", "--for", "rescrobbled"], environment: scratch.environment)
            #expect(status == 64, "stderr: \(stderr)")
            #expect(stderr.contains("rescrobbled talks to Last.fm only: a session from \(sandbox.apiRoot) would be of no use to it, so nothing was asked or written."),
                    "stderr: \(stderr)")
            #expect(sandbox.requests.isEmpty, "nothing sent")
            #expect(scratch.read(folder + "/session") == "a-working-session-key" && scratch.read(folder + "/session.bak") == nil, "nothing written")
            #expect(scratch.read(scratch.credentialsPath) == nil)
        }
    }

    @Test("--dry-run: what a run would write is said (the key at the top of config.toml, the session file), checked as for real, and nothing is asked, sent or written")
    func dryRun() async throws {
        do {
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let folder = try Self.rescrobbled(scratch, config: Self.settings)
            scratch.write(folder + "/session", "a-working-session-key")
            // Every request to Last.fm would go through this proxy's log: none may come.
            let proxy = try ConnectProxy(routes: [:])
            defer { proxy.stop() }
            var environment = scratch.environment
            environment["HTTPS_PROXY"] = "http://127.0.0.1:\(proxy.port)"
            let (status, _, stderr) = try await RunningProcess.run(Self.arguments(["--dry-run"]), environment: environment, stdin: "")
            #expect(status == 0, "stderr: \(stderr)")
            #expect(stderr.contains("--dry-run: nothing was asked, sent or written. A run would save the session in profile \"rescrobbled\""), "stderr: \(stderr)")
            #expect(stderr.contains("rescrobbled: would write lastfm-key and lastfm-secret to \(folder)/config.toml and change nothing else there; "
                                    + "the file as it is now would be kept in \(folder)/config.toml.bak."), "stderr: \(stderr)")
            #expect(stderr.contains("rescrobbled: would write the session key to \(folder)/session and change nothing else there; "
                                    + "the file as it is now would be kept in \(folder)/session.bak."), "stderr: \(stderr)")
            #expect(!stderr.contains(Wording.Prompt.apiKey), "nothing asked")
            #expect(proxy.requests.isEmpty, "nothing sent")
            #expect(scratch.read(folder + "/config.toml") == Self.settings && scratch.read(folder + "/session") == "a-working-session-key")
            #expect(scratch.read(folder + "/config.toml.bak") == nil && scratch.read(folder + "/session.bak") == nil && scratch.read(scratch.credentialsPath) == nil)
        }
    }

    @Test("--dry-run is refused without --for")
    func dryRunNeedsFor() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let (status, _, stderr) = try await RunningProcess.run(["--plain", "--dry-run"], environment: scratch.environment)
        #expect(status == 64 && stderr.contains("--dry-run shows what --for would write"), "stderr: \(stderr)")
    }

    @Test("an existing session file is kept as session.bak and said; a second run keeps the saved session and changes nothing")
    func existingSession() async throws {
        try await LastFMStandIn.with(Self.approving) { lastfm in
            let sandbox = lastfm.sandbox
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let folder = try Self.rescrobbled(scratch, config: "lastfm-key = \"\(SandboxAccount.apiKey)\"\nlastfm-secret = \"\(SandboxAccount.apiSecret)\"\n")
            scratch.write(folder + "/session", "an-older-session-key")
            let (status, _, stderr) = try await RunningProcess.run(Self.arguments(), environment: lastfm.environment(scratch.environment))
            #expect(status == 0, "stderr: \(stderr)")
            #expect(scratch.read(folder + "/session.bak") == "an-older-session-key")
            #expect(stderr.contains("rescrobbled: wrote the session key to \(folder)/session (what was there is kept in \(folder)/session.bak)."))

            let (again, _, againErr) = try await RunningProcess.run(Self.arguments(), environment: lastfm.environment(scratch.environment))
            #expect(again == 0, "stderr: \(againErr)")
            #expect(againErr.contains("rescrobbled: \(folder)/session already holds the session key, so it was not changed."))
            #expect(sandbox.requests.filter { $0.method == "auth.getToken" }.count == 1, "the saved session was kept")
            #expect(!FileManager.default.fileExists(atPath: folder + "/session.bak.1"))
        }
    }

    @Test("lastfm-auth apps lists rescrobbled, its files and what they hold, no secret")
    func apps() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let folder = try Self.rescrobbled(scratch, config: "lastfm-key = \"\(SandboxAccount.apiKey)\"\n")
        let (status, stdout, stderr) = try await RunningProcess.run(["apps"], environment: scratch.environment)
        #expect(status == 0, "stderr: \(stderr)")
        #expect(stdout.contains("rescrobbled: MPRIS scrobbler"))
        #expect(stdout.contains("  \(folder)/config.toml\n"))
        #expect(stdout.contains("  \(folder)/session: not there yet\n"))
        #expect(stdout.contains("  its settings hold an API key, no secret: the secret is asked for, then written there\n"))
        #expect(!stdout.contains(SandboxAccount.apiKey))
    }

    @Test("apps lists yams, scrobblez and maloja with their files, then the apps that build their own key in with their own sign-in, and pylast scripts")
    func appsNewAndElsewhere() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.path + "/.yams", withIntermediateDirectories: true)
        scratch.write(".yams/yams.yml", "api_key: \(SandboxAccount.apiKey)\napi_secret: \(SandboxAccount.apiSecret)\n")
        let (status, stdout, stderr) = try await RunningProcess.run(["apps"], environment: scratch.environment.merging(["MALOJA_DATA_DIRECTORY": scratch.path + "/maloja"]) { $1 })
        #expect(status == LastFMAuth.ExitStatus.success.rawValue, "stderr: \(stderr)")
        #expect(stdout.contains("yams: MPD scrobbler") && stdout.contains("  hand it a session: lastfm-auth --for yams\n"))
        #expect(stdout.contains("  \(scratch.path)/.yams/yams.yml\n  \(scratch.path)/.yams/.lastfm_session: not there yet\n  its settings hold an API key and secret: they are used, nothing is typed"))
        #expect(stdout.contains("  \(scratch.path)/.config/scrobblez/secret.json: not there yet\n"))
        #expect(stdout.contains("  \(scratch.path)/maloja/settings.ini: not there yet\n"))
        for line in Wording.appsElsewhere where !line.isEmpty { #expect(stdout.contains(line), "missing: \(line)") }
        #expect(stdout.contains("cmusfm: run cmusfm init") && stdout.contains("pylast.LastFMNetwork"))
        #expect(!stdout.contains(SandboxAccount.apiSecret))
    }

    @Test("apps without HOME or XDG_CONFIG_HOME: still lists both, saying where rescrobbled's settings would be and why they cannot be read")
    func appsWithoutHome() async throws {
        let (status, stdout, stderr) = try await RunningProcess.run(["apps"], environment: [:])
        #expect(status == 0, "stderr: \(stderr)")
        #expect(stdout.contains("  $XDG_CONFIG_HOME/rescrobbled/config.toml\n"))
        #expect(stdout.contains("  its settings: no place for the app's settings: set HOME or XDG_CONFIG_HOME"))
        #expect(stdout.contains("multi-scrobbler: "))
        #expect(stdout.contains("  $CONFIG_DIR/lastfm.json\n"), "no \"not there yet\" for a path that names its variable")
        #expect(stdout.contains("  its settings: no place for the app's settings: set CONFIG_DIR to multi-scrobbler's config folder"))
    }
}

/// Issue #30's second app through the binary: multi-scrobbler's lastfm.json read, its currentCreds file written.
@Suite("--for multi-scrobbler, through the binary")
struct MultiScrobblerHandOffTests {
    @Test("key and secret in lastfm.json: nothing typed, currentCreds-lastfm-NAME.json holds the session, lastfm.json unchanged, a restart asked for")
    func handedOff() async throws {
        try await LastFMStandIn.with(AppHandOffTests.approving) { lastfm in
            let sandbox = lastfm.sandbox
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let clients = "[{\"name\": \"myLastFm\", \"data\": {\"apiKey\": \"\(SandboxAccount.apiKey)\", \"secret\": \"\(SandboxAccount.apiSecret)\"}}]\n"
            let config = scratch.write("lastfm.json", clients, mode: 0o644)
            var environment = scratch.environment
            environment["CONFIG_DIR"] = scratch.path
            let (status, _, stderr) = try await RunningProcess.run(
                ["--plain", "--no-browser", "--service", "lastfm", "--interval", "1", "--for", "multi-scrobbler"], environment: lastfm.environment(environment))
            #expect(status == 0, "stderr: \(stderr)")
            #expect(!stderr.contains(Wording.Prompt.apiKey))
            let state = try #require(scratch.read("currentCreds-lastfm-myLastFm.json"))
            let sessionKey = try #require(sandbox.sessions.first?.key)
            #expect(state.contains("\"sessionKey\":\"\(sessionKey)\""), "state: \(state)")
            #expect(scratch.read(config) == clients)
            #expect(stderr.contains("multi-scrobbler reads the session only when it starts: restart it"))
        }
    }

    @Test("no key in lastfm.json: the run stops before anything is asked or started, and says what to put where")
    func keyMissing() async throws {
        try await LastFMStandIn.with(AppHandOffTests.approving) { lastfm in
            let sandbox = lastfm.sandbox
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            scratch.write("lastfm.json", "[{\"name\": \"myLastFm\", \"data\": {}}]")
            var environment = scratch.environment
            environment["CONFIG_DIR"] = scratch.path
            let (status, _, stderr) = try await RunningProcess.run(
                ["--plain", "--no-browser", "--service", "lastfm", "--for", "multi-scrobbler"], environment: lastfm.environment(environment))
            #expect(status == 1)
            #expect(stderr.contains("multi-scrobbler's settings (\(scratch.path)/lastfm.json) need the application's API key and secret first"), "stderr: \(stderr)")
            #expect(sandbox.requests.isEmpty)
        }
    }
}

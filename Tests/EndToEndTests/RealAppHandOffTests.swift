import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// Issue #39.5: each new `--for` hand-off through the real binary, then read by the real app,
/// installed from PyPI (scripts/app-venv, cached) and Debian (mpd, flac: scripts/setup-tests).
@Suite("--for yams, scrobblez and maloja, read back by the real apps")
struct RealAppHandOffTests {
    static let approving = AppHandOffTests.approving

    /// Starts `executable` with `arguments`; the caller stops it.
    static func start(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> RunningProcess {
        try RunningProcess(arguments, environment: environment, executable: executable)
    }

    @Test("YAMS: --for yams against a custom server writes base_url and the session file; the real YAMS, watching a real mpd play a tagged FLAC, sends track.updateNowPlaying and track.scrobble signed with that session")
    func yamsScrobblesWithTheSession() async throws {
        try AppVenv.requireTools(["mpd", "flac"])
        let venv = try await AppVenv.require("yams", ["YAMScrobbler"])
        try await SandboxServer.with(Self.approving) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let mpdPort = try LoopbackPort.free()
            let folder = scratch.path + "/.config/yams"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // The person's own settings, with YAMS's short thresholds so a short track is enough.
            let mine = "# my YAMS\napi_key: \(SandboxAccount.apiKey)\napi_secret: \"\(SandboxAccount.apiSecret)\"   # from the sandbox\n"
                + "mpd_host: 127.0.0.1\nmpd_port: \(mpdPort)\nwatch_threshold: 1\nscrobble_min_time: 2\nno_daemon: true\ndisable_log: true\n"
            scratch.write(".config/yams/yams.yml", mine, mode: 0o644)
            let (status, _, stderr) = try await RunningProcess.run(
                ["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--interval", "1", "--for", "yams"], environment: scratch.environment)
            #expect(status == LastFMAuth.ExitStatus.success.rawValue, "stderr: \(stderr)")
            #expect(stderr.contains("yams: wrote base_url to \(folder)/yams.yml (what was there is kept in \(folder)/yams.yml.bak)."), "stderr: \(stderr)")
            #expect(scratch.read(".config/yams/yams.yml") == mine + "base_url: '\(sandbox.apiRoot)'\n", "one line added, the rest byte for byte")
            let session = try #require(sandbox.sessions.first)
            #expect(scratch.read(".config/yams/.lastfm_session") == "\(session.user)\n\(session.key)\n")

            // A real mpd with a null output, playing a 16-second FLAC with tags (YAMS, polling each second,
            // sends now-playing between 1 s and half the track, and scrobbles at half).
            try FileManager.default.createDirectory(atPath: scratch.path + "/music", withIntermediateDirectories: true)
            let silence = scratch.write("silence.raw", String(repeating: "\0", count: 512_000))
            let (encoded, _, flacErrors) = try await RunningProcess.run(
                ["-s", "--force-raw-format", "--endian=little", "--sign=signed", "--channels=1", "--bps=16", "--sample-rate=16000",
                 "--tag=ARTIST=Test Artist", "--tag=TITLE=Test Title", "--tag=ALBUM=Test Album", "-o", scratch.path + "/music/track.flac", silence],
                environment: scratch.environment, executable: "/usr/bin/flac")
            #expect(encoded == 0, "flac: \(flacErrors)")
            let config = scratch.write("mpd.conf", """
                music_directory "\(scratch.path)/music"
                db_file "\(scratch.path)/mpd.db"
                log_file "\(scratch.path)/mpd.log"
                bind_to_address "127.0.0.1"
                port "\(mpdPort)"
                audio_output {
                    type "null"
                    name "null"
                }

                """)
            let mpd = try Self.start("/usr/bin/mpd", ["--no-daemon", config], environment: scratch.environment)
            defer { kill(mpd.pid, SIGTERM) }
            #expect(await LoopbackPort.waitUntilListening(mpdPort, timeout: .seconds(20)) { true }, "mpd listens")
            let yams = try Self.start(venv.path + "/bin/yams", ["-N"], environment: scratch.environment)
            defer { kill(yams.pid, SIGKILL) }  // YAMS keeps retrying mpd through SIGINT
            // Played once YAMS watches (it logs that it connected), through python-mpd2 from YAMS's venv.
            #expect(await yams.waitForStderr(containing: "Connected to mpd", timeout: .seconds(30)), "yams: \(yams.stderr)")
            let (played, _, playErrors) = try await venv.python("""
                import mpd, time
                c = mpd.MPDClient(); c.connect('127.0.0.1', \(mpdPort)); c.update()
                deadline = time.monotonic() + 20
                # Polled until the scan has the file (an idle() could miss an update already over).
                while not any(e.get('file') == 'track.flac' for e in c.listall()) and time.monotonic() < deadline: time.sleep(0.05)
                c.add('track.flac'); c.play()
                """, environment: scratch.environment)
            #expect(played == 0, "mpd control: \(playErrors)")

            let nowPlaying = await eventually(within: .seconds(30)) { sandbox.requests.contains { $0.method == "track.updateNowPlaying" } }
            #expect(nowPlaying, "yams: \(yams.stderr)")
            let sent = try #require(sandbox.requests.first { $0.method == "track.updateNowPlaying" })
            #expect(sent.error == nil && sent.user == session.user, "accepted: signed with the profile's secret, the session key written for it")
            #expect(sent.received["artist"] == "Test Artist" && sent.received["track"] == "Test Title" && sent.received["album"] == "Test Album")
            #expect(await eventually(within: .seconds(30)) { sandbox.requests.contains { $0.method == "track.scrobble" && $0.user == session.user } },
                    "scrobbled at half the track: \(sandbox.requests.map { "\($0.method) \($0.error.map(String.init) ?? "ok")" }) \(yams.stderr)")
        }
    }

    @Test("scrobblez: --for scrobblez adds session_key to its own secret.json (password_hash and the layout kept); scrobblez's own _get_lastfm_network builds pylast's network from it, which sends now-playing and a scrobble to Last.fm's address, accepted with that session")
    func scrobblezNetworkFromTheFile() async throws {
        let venv = try await AppVenv.require("scrobblez", ["scrobblez"])
        try await LastFMStandIn.with(Self.approving) { lastfm in
            let sandbox = lastfm.sandbox
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            try FileManager.default.createDirectory(atPath: scratch.path + "/.config/scrobblez", withIntermediateDirectories: true)
            // As scrobblez's own first run writes it (json.dump, indent 4, a line break).
            let own = "{\n    \"api_key\": \"\(SandboxAccount.apiKey)\",\n    \"api_secret\": \"\(SandboxAccount.apiSecret)\",\n"
                + "    \"username\": \"\(SandboxAccount.user)\",\n    \"password_hash\": \"5f4dcc3b5aa765d61d8327deb882cf99\"\n}\n"
            scratch.write(".config/scrobblez/secret.json", own, mode: 0o644)
            let (status, _, stderr) = try await RunningProcess.run(
                ["--plain", "--no-browser", "--service", "lastfm", "--interval", "1", "--for", "scrobblez"], environment: lastfm.environment(scratch.environment))
            #expect(status == LastFMAuth.ExitStatus.success.rawValue, "stderr: \(stderr)")
            let session = try #require(sandbox.sessions.first)
            #expect(scratch.read(".config/scrobblez/secret.json")
                    == own.replacing("\"\n}\n", with: "\",\n    \"session_key\": \"\(session.key)\"\n}\n"), "one member added, the rest byte for byte")
            #expect(scratch.mode(".config/scrobblez/secret.json") == 0o600)
            #expect(stderr.contains("scrobblez: wrote session_key to \(scratch.path)/.config/scrobblez/secret.json"), "stderr: \(stderr)")

            let (ran, output, errors) = try await venv.python("""
                import time
                import scrobblez.cli as cli
                network = cli._get_lastfm_network()
                print(network.api_key, network.username, network.session_key == \(session.key.debugDescription))
                network.update_now_playing(artist="Test Artist", title="Test Title", album="Test Album")
                network.scrobble(artist="Test Artist", title="Test Title", timestamp=int(time.time()))
                """, environment: lastfm.environment(scratch.environment))
            #expect(ran == 0, "python: \(errors)")
            #expect(output == "\(SandboxAccount.apiKey) \(SandboxAccount.user) True\n")
            let sent = sandbox.requests.filter { $0.method.hasPrefix("track.") }
            #expect(sent.map(\.method) == ["track.updateNowPlaying", "track.scrobble"])
            #expect(sent.allSatisfy { $0.error == nil && $0.user == session.user }, "signed with the key's secret and the session written: \(sent)")
            #expect(sent.first?.received["artist"] == "Test Artist" && sent.last?.received["track[0]"] ?? sent.last?.received["track"] == "Test Title")
        }
    }

    /// Maloja's settings.ini as Maloja itself writes it back (values unquoted), in `scratch`.
    static let malojaOwn = "[MALOJA]\nname = Me\nlastfm_api_key = \(SandboxAccount.apiKey)\nlastfm_api_secret = \(SandboxAccount.apiSecret)\n"
        + "scrobble_lastfm = False\ndirectory_config = /srv/maloja\n"

    @Test("Maloja: --for maloja writes lastfm_api_sk quoted and turns scrobble_lastfm on, the rest byte for byte; Maloja's own settings loader reads back the key, the secret and the session key")
    func malojaLoaderReadsBack() async throws {
        let venv = try await AppVenv.require("maloja", ["malojaserver"])
        try await LastFMStandIn.with(Self.approving) { lastfm in
            let sandbox = lastfm.sandbox
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            try FileManager.default.createDirectory(atPath: scratch.path + "/maloja", withIntermediateDirectories: true)
            scratch.write("maloja/settings.ini", Self.malojaOwn, mode: 0o644)
            var environment = scratch.environment
            environment["MALOJA_DATA_DIRECTORY"] = scratch.path + "/maloja"
            let (status, _, stderr) = try await RunningProcess.run(
                ["--plain", "--no-browser", "--service", "lastfm", "--interval", "1", "--for", "maloja"], environment: lastfm.environment(environment))
            #expect(status == LastFMAuth.ExitStatus.success.rawValue, "stderr: \(stderr)")
            #expect(stderr.contains("Using the key from lastfm_api_key in \(scratch.path)/maloja/settings.ini"), "stderr: \(stderr)")
            let session = try #require(sandbox.sessions.first)
            #expect(scratch.read("maloja/settings.ini")
                    == Self.malojaOwn.replacing("scrobble_lastfm = False", with: "scrobble_lastfm = True")
                    .replacing("directory_config = /srv/maloja\n", with: "directory_config = /srv/maloja\nlastfm_api_sk = '\(session.key)'\n"))
            #expect(scratch.read("maloja/settings.ini.bak") == Self.malojaOwn)

            // Maloja's loader (pkg_global/conf.py through doreah), with environment variables it must not prefer.
            environment["MALOJA_LASTFM_API_SK"] = "from-the-environment"
            let (ran, output, errors) = try await venv.python("""
                import json
                from maloja.pkg_global.conf import malojaconfig
                print(json.dumps([malojaconfig[k] for k in ["LASTFM_API_KEY", "LASTFM_API_SECRET", "LASTFM_API_SK", "SCROBBLE_LASTFM", "NAME"]]))
                """, environment: environment)
            #expect(ran == 0, "python: \(errors)")
            #expect(output == "[\"\(SandboxAccount.apiKey)\", \"\(SandboxAccount.apiSecret)\", \"\(session.key)\", true, \"Me\"]\n")
        }
    }

    @Test("Maloja talks to Last.fm only: a session from another server is refused before anything is asked, sent or written")
    func malojaOtherServerRefused() async throws {
        try await SandboxServer.with(Self.approving) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            try FileManager.default.createDirectory(atPath: scratch.path + "/maloja", withIntermediateDirectories: true)
            scratch.write("maloja/settings.ini", Self.malojaOwn, mode: 0o644)
            let (status, _, stderr) = try await RunningProcess.run(["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--for", "maloja"],
                                                                   environment: scratch.environment.merging(["MALOJA_DATA_DIRECTORY": scratch.path + "/maloja"]) { $1 })
            #expect(status == LastFMAuth.ExitStatus.usage.rawValue, "stderr: \(stderr)")
            #expect(stderr.contains("maloja talks to Last.fm only: a session from \(sandbox.apiRoot) would be of no use to it"), "stderr: \(stderr)")
            #expect(sandbox.requests.isEmpty)
            #expect(scratch.read("maloja/settings.ini") == Self.malojaOwn && scratch.read("maloja/settings.ini.bak") == nil)
        }
    }

    @Test("--dry-run --for yams: file by file, what would be written and where the file as it is would be kept; nothing asked, sent or written")
    func yamsDryRun() async throws {
        try await SandboxServer.with(Self.approving) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            try FileManager.default.createDirectory(atPath: scratch.path + "/.config/yams", withIntermediateDirectories: true)
            let mine = "# mine\napi_key: \(SandboxAccount.apiKey)\napi_secret: \(SandboxAccount.apiSecret)\n"
            scratch.write(".config/yams/yams.yml", mine, mode: 0o644)
            let (status, _, stderr) = try await RunningProcess.run(["--plain", "--no-browser", "--api-root", sandbox.apiRoot, "--for", "yams", "--dry-run"],
                                                                   environment: scratch.environment, stdin: "")
            let folder = scratch.path + "/.config/yams"
            #expect(status == LastFMAuth.ExitStatus.success.rawValue, "stderr: \(stderr)")
            #expect(stderr.contains("yams: would write base_url to \(folder)/yams.yml and change nothing else there; the file as it is now would be kept in \(folder)/yams.yml.bak."),
                    "stderr: \(stderr)")
            #expect(stderr.contains("yams: would write the user name and session key to \(folder)/.lastfm_session, a new file."), "stderr: \(stderr)")
            #expect(sandbox.requests.isEmpty, "nothing sent")
            #expect(scratch.read(".config/yams/yams.yml") == mine && scratch.read(".config/yams/.lastfm_session") == nil && scratch.read(".config/yams/yams.yml.bak") == nil)
        }
    }
}

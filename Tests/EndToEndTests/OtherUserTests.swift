import Foundation
import LastFMAuth
import Testing
import TestSupport

/// Issue #37, with two real users on one machine: A (these tests, root) runs lastfm-auth, B (an
/// ordinary user made for the test) tries to profit from it. B cannot make A's run save B's
/// session, cannot read the page A's browser is started on, and cannot read A's process; and A,
/// as root with B's folders, trusts none of B's files.
@Suite("Another user on the machine gets nothing (two real users)", .serialized,
       .enabled(if: OtherUser.possible, "needs root, useradd and setpriv to play a second user"))
struct OtherUserTests {
    static let attack = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/fix_session.py").path

    @Test("B allows A's web-flow page with B's own account and follows it to A's callback: refused; A's run goes on and saves A's session")
    func noSessionFixation() async throws {
        try await OtherUser.with { b in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let browser = RecordingBrowser(in: scratch)
            let run = try CallbackTests.plainRun(scratch, browser: browser, more: ["--verbose"])
            let page = try #require(await browser.firstPage())
            #expect(page.contains("&cb="))
            // B learns nothing of the page from ps; here B is given it, as if it had leaked.
            let source = try String(contentsOfFile: Self.attack, encoding: .utf8)
            let attack = try await b.run(["/usr/bin/python3", "-c", source, page, "mallory"])
            #expect(attack.output.contains("allowed as mallory"), "\(attack.output) \(attack.errors)")
            #expect(attack.output.contains("callback: refused"), "A's listener answered B: \(attack.output)")
            // The listener is there and answers A: B was refused for being B.
            let callback = try #require(page.split(separator: "cb=").last.flatMap { FormEncoding.decode("cb=" + $0)?["cb"] })
            let mine = await RawHTTP.get(callback + "x")
            #expect(mine?.status == 404, "A's own request to the listener: \(String(describing: mine))")
            #expect(await run.waitForStderr(containing: "Waiting for approval"))
            let token = try #require(PlainModeTests.token(in: run.stderr))
            try await PlainModeTests.approve(page: String(page.prefix { $0 != "?" }), token: token)
            #expect(await run.exitStatus() == 0)
            #expect(run.stderr.contains("Authorized as sandbox-user.") && !run.stderr.contains("mallory"), "\(run.stderr)")
            #expect(run.stderr.contains("refused 1 connection(s) made by another user's process"), "\(run.stderr)")
            #expect(scratch.read(scratch.credentialsPath)?.contains("mallory") == false)
        }
    }

    @Test("the page A's browser is started on cannot be read by B, and is gone once Ctrl-C ends the run")
    func pageAndProcessClosed() async throws {
        try await OtherUser.with { b in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            chmod(scratch.path, 0o755)
            let browser = RecordingBrowser(in: scratch)
            let run = try CallbackTests.plainRun(scratch, browser: browser)
            #expect(await browser.firstPage() != nil)
            let started = try #require(browser.arguments.first)
            let path = String(started.dropFirst("file://".count))
            let read = try await b.run(["/bin/cat", path])
            #expect(read.status != 0 && read.output.isEmpty, "B read A's page: \(read.output)")
            #expect(read.errors.contains("Permission denied"), "\(read.errors)")
            run.interrupt()
            _ = await run.exitStatus()
            #expect(path.hasSuffix("/open-\(run.pid).html") && !FileManager.default.fileExists(atPath: path), "the page is removed when a signal ends the run")
        }
    }

    @Test("lastfm-auth run by B is undumpable and keeps no core: its /proc files belong to root, B cannot read its environment; an ordinary process of B's can")
    func undumpable() async throws {
        try await OtherUser.with { b in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let binary = try b.binaries(in: scratch)
            let home = try b.folder("home", in: scratch)
            let run = try RunningProcess(b.command([binary, "--sandbox", "--plain", "--no-browser", "--interval", "30"]),
                                         environment: ["HOME": home, "LASTFM_API_SECRET": "not-for-b-to-read"], executable: "/usr/bin/setpriv")
            #expect(await run.waitForStderr(containing: "Waiting for approval"), "\(run.stderr)")
            #expect(try Self.owner("/proc/\(run.pid)/environ") == 0, "undumpable: /proc/PID/environ turns root's")
            #expect(try String(contentsOfFile: "/proc/\(run.pid)/status", encoding: .utf8).contains("Uid:\t\(b.uid)\t"))
            let limits = try String(contentsOfFile: "/proc/\(run.pid)/limits", encoding: .utf8)
            #expect(limits.split(separator: "\n").contains { $0.hasPrefix("Max core file size") && $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2) == ["0", "0"] }, "\(limits)")
            let environ = try await b.run(["/bin/cat", "/proc/\(run.pid)/environ"])
            #expect(environ.status != 0 && !environ.output.contains("not-for-b-to-read"))
            // The control: the same reading of one of B's ordinary processes works.
            let ordinary = try await b.run(["/bin/sh", "-c", "grep -q HOME /proc/$$/environ"])
            #expect(ordinary.status == 0, "\(ordinary.errors)")
            run.interrupt()
            #expect(await run.exitStatus() == LastFMAuth.ExitStatus.cancelled.rawValue)
        }
    }

    @Test("root with B's folders: B's credentials file and B's app settings are refused, nothing is written where B's settings point")
    func rootWithOthersFolders() async throws {
        try await OtherUser.with { b in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let home = try b.folder("home", in: scratch)
            let config = home + "/.config/lastfm-auth"
            try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
            scratch.write(config + "/credentials.json", FileSystemFaultTests.existing)
            let rescrobbled = home + "/.config/rescrobbled"
            try FileManager.default.createDirectory(atPath: rescrobbled, withIntermediateDirectories: true)
            let target = scratch.write("root-owned", "root's own\n")
            scratch.write(rescrobbled + "/config.toml", "lastfm-key = \"\(SandboxAccount.apiKey)\"\napi-secret = \"\(SandboxAccount.apiSecret)\"\nlastfm-key-file = \"\(target)\"\n", mode: 0o644)
            for path in [home + "/.config", config, config + "/credentials.json", rescrobbled, rescrobbled + "/config.toml"] { try b.give(path) }

            let (statusExit, _, statusErrors) = try await RunningProcess.run(["status"], environment: ["HOME": home])
            #expect(statusExit != 0)
            #expect(statusErrors.contains("\(config)/credentials.json belongs to \(b.name), not to root"), "\(statusErrors)")

            let (forExit, _, forErrors) = try await RunningProcess.run(AppHandOffTests.arguments(["--profile", "b"]), environment: ["HOME": home])
            #expect(forExit != 0 && forExit != nil)
            #expect(forErrors.contains("belongs to \(b.name), not to root"), "\(forErrors)")
            #expect(scratch.read(target) == "root's own\n")
            #expect(!FileManager.default.fileExists(atPath: rescrobbled + "/session"))
        }
    }

    static func owner(_ path: String) throws -> uid_t {
        var info = stat()
        guard stat(path, &info) == 0 else { throw POSIXError(.ENOENT) }
        return info.st_uid
    }
}

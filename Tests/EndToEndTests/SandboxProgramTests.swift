#if canImport(Glibc)
import Glibc
#endif
import Foundation
import LastFMAuth
import Testing
import TestSupport

/// The sandbox is its own program, lastfm-auth-sandbox: `--sandbox` starts it on a socket it
/// reserved and it never outlives lastfm-auth; `lastfm-auth sandbox` runs it in its own place.
@Suite("lastfm-auth-sandbox, started by lastfm-auth")
struct SandboxProgramTests {
    /// The pid of `parent`'s child running lastfm-auth-sandbox, polled for until the deadline.
    private static func sandboxChild(of parent: pid_t, timeout: Duration = .seconds(20)) async -> pid_t? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            for entry in entries {
                guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8) else { continue }
                // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
                let fields = stat[(stat.lastIndex(of: ")") ?? stat.startIndex)...].split(separator: " ")
                if fields.count > 2, pid_t(fields[2]) == parent, stat.contains("(lastfm-auth-san") { return pid }
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Copies a program with a close-on-exec descriptor. FileManager's copy leaves its descriptor
    /// open across exec: a process that other tests start meanwhile keeps the copy open for
    /// writing for its whole life, and running the copy then fails with ETXTBSY (seen in CI).
    private static func copyExecutable(_ source: String, to target: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: source))
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        try #require(fd >= 0, "open \(target): \(String(cString: strerror(errno)))")
        defer { close(fd) }
        var rest = bytes[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            try #require(written > 0, "write \(target): \(String(cString: strerror(errno)))")
            rest = rest.dropFirst(written)
        }
    }

    /// Runs a program just written: another test's fork may still hold the writing descriptor for
    /// the moment before its exec (O_CLOEXEC closes it only then), and exec then fails with ETXTBSY;
    /// that race is the kernel's, so it is tried again (up to 1 s) rather than failed.
    private static func runFreshCopy(_ arguments: [String], environment: [String: String], executable: String) async throws -> (Int32?, String, String) {
        for attempt in 1... {
            do {
                return try await RunningProcess.run(arguments, environment: environment, executable: executable)
            } catch let error as NSError where (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) && attempt < 50 {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        fatalError("unreachable")
    }

    /// Whether `pid` has ended (gone, or a zombie nobody reaped yet), polled for until the deadline.
    private static func ended(_ pid: pid_t, timeout: Duration = .seconds(20)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if stat[(stat.lastIndex(of: ")") ?? stat.startIndex)...].dropFirst(2).hasPrefix("Z") { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    @Test("--sandbox: the program serves the reserved port, in a process group of its own, without LASTFM_* in its environment, and ends with the run")
    func startedAndStopped() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let environment = scratch.environment.merging(["LASTFM_API_SECRET": "0123456789abcdef0123456789abcdef"]) { $1 }
        let run = try RunningProcess(["--sandbox", "--no-browser", "--interval", "1"], environment: environment)
        #expect(await run.waitForStderr(containing: "curl -s -d action=allow"))
        let child = try #require(await Self.sandboxChild(of: run.pid), "lastfm-auth started lastfm-auth-sandbox")
        #expect(getpgid(child) == child, "its own process group: Ctrl-C at the terminal is not for it")
        let childEnvironment = try #require(FileManager.default.contents(atPath: "/proc/\(child)/environ"))
        #expect(String(decoding: childEnvironment, as: UTF8.self).contains("HOME="), "the environment was read")
        #expect(!String(decoding: childEnvironment, as: UTF8.self).contains("LASTFM_"), "an exported secret does not reach the sandbox")
        let page = try #require(run.stderr.split(separator: " ").last { $0.hasPrefix("http://127.0.0.1:") && $0.hasSuffix("/api/auth/") })
        try await PlainModeTests.approve(page: String(page), token: try #require(PlainModeTests.token(in: run.stderr)))
        #expect(await run.exitStatus() == 0)
        #expect(await Self.ended(child), "the sandbox ended with the run")
    }

    @Test("lastfm-auth killed with SIGKILL: its sandbox sees its input end and stops")
    func parentKilled() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let run = try RunningProcess(["--sandbox", "--no-browser"], environment: scratch.environment)
        #expect(await run.waitForStderr(containing: "curl -s -d action=allow"))
        let child = try #require(await Self.sandboxChild(of: run.pid))
        kill(run.pid, SIGKILL)
        _ = await run.exitStatus()
        #expect(await Self.ended(child), "the sandbox outlived lastfm-auth")
    }

    @Test("lastfm-auth sandbox runs lastfm-auth-sandbox in its place: same pid, its ready line, SIGTERM stops it")
    func subcommand() async throws {
        let run = try RunningProcess(["sandbox", "--quiet"], environment: ["HOME": "/nonexistent"])
        let deadline = ContinuousClock.now + .seconds(20)
        while !run.stdout.contains("\n"), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(run.stdout.hasPrefix("sandbox listening on http://127.0.0.1:"), "ready line: \(run.stdout)")
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(run.pid)/exe")
        #expect(executable.hasSuffix("/lastfm-auth-sandbox"))
        kill(run.pid, SIGTERM)
        #expect(await run.exitStatus() == 0)
    }

    @Test("lastfm-auth without its sandbox program beside it: --sandbox and sandbox say where it was looked for, exit 1")
    func programMissing() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let lonely = scratch.home + "/lastfm-auth"
        try Self.copyExecutable(RunningProcess.binary, to: lonely)
        for arguments in [["--sandbox", "--plain"], ["sandbox"]] {
            let (status, _, stderr) = try await Self.runFreshCopy(arguments, environment: scratch.environment, executable: lonely)
            #expect(status == 1, "\(arguments)")
            let parent = URL(fileURLWithPath: scratch.home).resolvingSymlinksInPath().deletingLastPathComponent().path
            #expect(stderr.contains("there is no lastfm-auth-sandbox in \(scratch.home) or \(parent)/libexec/lastfm-auth"), "\(arguments): \(stderr)")
        }
    }

    @Test("the sandbox program killed mid-wait: the plain front says so once, beside the trouble, in the core's words")
    func sandboxKilled() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let run = try RunningProcess(["--sandbox", "--no-browser", "--interval", "1"], environment: scratch.environment)
        #expect(await run.waitForStderr(containing: "curl -s -d action=allow"))
        let child = try #require(await Self.sandboxChild(of: run.pid))
        kill(child, SIGKILL)
        let said = Wording.sandboxEnded("signal 9")
        #expect(await run.waitForStderr(containing: said), "stderr: \(run.stderr)")
        // Two more failed checks later, it has not been said again.
        let deadline = ContinuousClock.now + .seconds(20)
        while (run.stderr.components(separatedBy: said).last ?? "").components(separatedBy: "Checking again").count < 3, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        run.interrupt()
        _ = await run.exitStatus()
        #expect(run.stderr.components(separatedBy: said).count == 2, "said once: \(run.stderr)")
        #expect((run.stderr.components(separatedBy: said).last ?? "").components(separatedBy: "Checking again").count >= 3, "two more checks failed after it: \(run.stderr)")
    }
}

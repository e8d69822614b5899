import Foundation
import LastFMAuth
import Testing
import TestSupport

/// Issue #37's smaller items through the binary: what lastfm-auth will not trust or wait on, and
/// a crash that hands its caller's pipes back.
@Suite("Files not trusted, and a crash with captured output")
struct UntrustedFileTests {
    @Test("a FIFO where the credentials file goes: refused at once, not waited on")
    func fifo() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let folder = scratch.path + "/.config/lastfm-auth"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(mkfifo(scratch.credentialsPath, 0o600) == 0)
        let run = try RunningProcess(["status"], environment: scratch.environment)
        let status = await run.exitStatus(timeout: .seconds(20))
        #expect(status != nil && status != 0, "a FIFO held the run")
        #expect(run.stderr.contains("\(scratch.credentialsPath) is not a regular file"), "\(run.stderr)")
    }

    @Test("a config folder others can write to: refused with the folder and the command that fixes it")
    func folderWritableByOthers() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let folder = scratch.path + "/.config/lastfm-auth"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        scratch.write(scratch.credentialsPath, FileSystemFaultTests.existing)
        chmod(folder, 0o777)
        let (status, _, stderr) = try await RunningProcess.run(["status"], environment: scratch.environment)
        #expect(status != 0)
        #expect(stderr.contains("\(folder) can be changed by other users, so it is not trusted: make it yours alone (chmod go-w '\(folder)')"), "\(stderr)")
        chmod(folder, 0o700)
        let (_, out, errors) = try await RunningProcess.run(["status", "--offline"], environment: scratch.environment)
        #expect(!(out + errors).contains("not trusted") && out.contains("Profile \"other\""), "once fixed, the same file is read: \(out) \(errors)")
    }

    @Test("a crash while standard output is captured (eval \"$(lastfm-auth --print env)\"): the caller's pipe ends with the process, which the signal ended, and one line says so")
    func crashWithCapturedOutput() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let run = try RunningProcess(["--sandbox", "--plain", "--no-browser", "--print", "env", "--interval", "30"], environment: scratch.environment)
        #expect(await run.waitForStderr(containing: "Waiting for approval"))
        kill(run.pid, SIGSEGV)
        #expect(await run.exitStatus() == SIGSEGV, "ended by the signal itself (Process reports its number; a shell says 139)")
        #expect(await run.outputEnded(within: .seconds(10)), "something the crash started holds standard output")
        #expect(run.stderr.hasSuffix("lastfm-auth crashed (signal 11)\n"), "\(run.stderr)")
    }
}

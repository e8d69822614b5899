import Foundation
import LastFMApps
import Testing
import TestSupport

/// Whether the app is running is read from /proc, so that a restart is asked for only then.
@Suite("A running app is seen")
struct RunningProgramTests {
    @Test("a program named rescrobbled is found while it runs, and not after")
    func seen() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let copy = scratch.path + "/rescrobbled"
        try FileManager.default.copyItem(atPath: "/bin/sleep", toPath: copy)
        let before = Set(RunningProgram.pids(named: "rescrobbled"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: copy)
        process.arguments = ["60"]
        try process.run()
        let pid = process.processIdentifier
        #expect(await eventually(within: .seconds(10)) { RunningProgram.pids(named: "rescrobbled").contains(pid) })
        kill(pid, SIGKILL)
        process.waitUntilExit()
        #expect(Set(RunningProgram.pids(named: "rescrobbled")) == before.subtracting([pid]))
    }
}

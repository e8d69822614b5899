import Foundation
import LastFMApps
import Testing
import TestSupport

/// Whether the app is running is read from /proc, so that a restart is asked for only then.
@Suite("A running app is seen")
struct RunningProgramTests {
    @Test("a program is found by its name while it runs, and not after")
    func seen() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        // Not "rescrobbled": the hand-off tests running meanwhile would see it and ask for a restart.
        let name = "lfa-seen-\(getpid() % 100_000)"
        let copy = scratch.path + "/" + name
        try FileManager.default.copyItem(atPath: "/bin/sleep", toPath: copy)
        let before = Set(RunningProgram.pids(named: name))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: copy)
        process.arguments = ["60"]
        try process.run()
        let pid = process.processIdentifier
        #expect(await eventually(within: .seconds(10)) { RunningProgram.pids(named: name).contains(pid) })
        kill(pid, SIGKILL)
        // No waitUntilExit: Foundation learns of an exit when every copy of a socket the child
        // inherited is closed, which a daemon another test starts meanwhile may hold for ever.
        // Ended but not yet reaped (a zombie) already counts as not running.
        #expect(await eventually(within: .seconds(10)) { !RunningProgram.pids(named: name).contains(pid) })
        #expect(Set(RunningProgram.pids(named: name)) == before)
    }
}

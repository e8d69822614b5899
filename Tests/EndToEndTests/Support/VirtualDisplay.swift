import Foundation
@testable import lastfm_auth
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import TestSupport

/// An X display of a test's own (Xvfb, on a number the server picks), for the keyring's real
/// prompt (gcr-prompter, a GTK window) and xdotool to answer it as a person would.
final class VirtualDisplay: Sendable {
    /// `DISPLAY` for the programs of the test, such as `:3`.
    let name: String
    private let pid: pid_t

    init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        // Xvfb lives through the suite: it must not hold another test's pipes or Foundation's exit sockets.
        ChildProcess.closeDescriptors(from: 3, in: &actions)
        // -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
        let arguments = ["/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp"]
        var argv = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = [strdup("PATH=/usr/bin:/bin"), nil]
        defer { (argv + envp).forEach { free($0) } }
        var child = pid_t()
        // The test's threads block signals: a child started without a clean mask would never see SIGKILL's friends.
        let started = ChildProcess.withCleanAttributes { attributes in posix_spawn(&child, "/usr/bin/Xvfb", &actions, &attributes, &argv, &envp) }
        Glibc.close(ends[1])
        defer { Glibc.close(ends[0]) }
        guard started == 0 else { throw POSIXError(.ENOENT) }
        pid = child
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(ends[0], &byte, 1) == 1, byte != 0x0A { line.append(byte) }
        let number = String(decoding: line, as: UTF8.self)
        guard Int(number) != nil else {
            kill(child, SIGKILL)
            throw POSIXError(.EIO)
        }
        name = ":" + number
    }

    func stop() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }

    /// xdotool on this display.
    @discardableResult
    func xdotool(_ arguments: [String]) async throws -> ToolRun {
        try await ToolRun.run("/usr/bin/env", ["DISPLAY=\(name)", "/usr/bin/xdotool"] + arguments)
    }

    /// The id of the first visible window whose name contains `title` (or, with `class`, whose
    /// WM_CLASS does: gcr-prompter's new-keyring window has no name), once there is one. A GTK
    /// program starting on two cores shared with the rest of the suite once took over 30 s to show.
    func window(named title: String, class: Bool = false, within deadline: Duration = .seconds(60)) async throws -> String? {
        let end = ContinuousClock.now + deadline
        while ContinuousClock.now < end {
            let found = try await xdotool(["search", "--onlyvisible", `class` ? "--class" : "--name", title])
            if let id = found.output.split(separator: "\n").first { return String(id) }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// Whether no visible window's name contains `title` any more, within the deadline.
    func windowGone(named title: String, within deadline: Duration = .seconds(30)) async throws -> Bool {
        let end = ContinuousClock.now + deadline
        while ContinuousClock.now < end {
            if try await xdotool(["search", "--onlyvisible", "--name", title]).output.isEmpty { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Types `text` and then presses `keys` (xdotool's names: Return, Escape, Tab) into `window`,
    /// through the XTEST extension as a keyboard would (GTK ignores synthetic events sent to a window).
    func type(_ text: String, then keys: [String] = [], into window: String) async throws {
        try await xdotool(["windowfocus", "--sync", window])
        if !text.isEmpty { try await xdotool(["type", "--delay", "15", text]) }
        for key in keys { try await xdotool(["key", key]) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestSupport
@testable import lastfm_auth

/// The real binary on a pseudo-terminal of its own (80x24) without tmux: light enough to start
/// dozens of times in a test. Reads what it draws; sends it signals.
final class PseudoTerminalRun {
    let pid: pid_t
    private var master: Int32
    private(set) var output: [UInt8] = []

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// With `controllingTerminal` false the terminal is opened with O_NOCTTY: the program draws on
    /// it, but the kernel sends it no SIGHUP when the terminal hangs up.
    init(_ arguments: [String], environment: [String: String], controllingTerminal: Bool = true) throws {
        // posix_openpt and friends are not in Swift's Glibc module: the Linux ioctls they use instead.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        let lockRequest: UInt = 0x4004_5431, numberRequest: UInt = 0x8004_5430  // TIOCSPTLCK, TIOCGPTN (_IOW/_IOR 'T' 0x31/0x30, int)
        guard master >= 0, ioctl(master, lockRequest, &unlock) == 0, ioctl(master, numberRequest, &number) == 0 else {
            throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let name = "/dev/pts/\(number)"
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // A new session first (the attribute below), so opening the terminal makes it the controlling one.
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, name, controllingTerminal ? O_RDWR : O_RDWR | O_NOCTTY, 0)
        posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDERR_FILENO)
        ChildProcess.closeDescriptors(from: 3, in: &actions)
        let argv = ([RunningProcess.binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child = pid_t()
        let setSessionID: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc), a GNU extension Swift does not import
        let spawned = ChildProcess.withCleanAttributes(flags: setSessionID) { attributes in
            posix_spawn(&child, RunningProcess.binary, &actions, &attributes, argv, envp)
        }
        guard spawned == 0 else {
            close(master)
            throw Failure(description: "spawn: \(String(cString: strerror(spawned)))")
        }
        pid = child
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, WNOHANG)
        if master >= 0 { close(master) }
    }

    /// Closes the terminal's other end, as a closed window or a dropped connection does.
    func hangUp() {
        close(master)
        master = -1
    }

    /// `waitFor` on a thread of its own, so that a long wait does not hold one of the few threads
    /// that run every test's tasks (a loaded machine otherwise stalls unrelated tests).
    func waitForOffPool(_ marker: String, timeout: Duration) async -> Bool {
        nonisolated(unsafe) let run = self  // used by that thread only, while this task waits
        return await offPool { run.waitFor(marker, timeout: timeout) }
    }

    /// Reads what the program draws until `marker` has appeared; false at the deadline.
    func waitFor(_ marker: String, timeout: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        let wanted = Array(marker.utf8)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            if output.count >= wanted.count, output.indices.dropLast(wanted.count - 1).contains(where: { output[$0..<$0 + wanted.count].elementsEqual(wanted) }) {
                return true
            }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { return false }
            output += buffer[0..<count]
        }
        return false
    }

    /// The exit status once the program has ended (128+N if a signal ended it), nil at the deadline.
    /// Keeps reading the terminal meanwhile, so the program never blocks on a full one.
    func exitStatus(timeout: Duration = .seconds(5)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let signal = status & 0x7F
                return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 10) > 0, master >= 0 { _ = read(master, &buffer, buffer.count) }
        }
        return nil
    }
}

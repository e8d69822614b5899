import LastFMAuth
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The built-in sandbox for `--sandbox`, run as its own program (lastfm-auth-sandbox) so that the
/// server's swift-nio is not loaded by every start of lastfm-auth (docs/performance.md).
///
/// The listening socket is made here, before the first frame, so the address is known at once;
/// `start()` hands it to the program, and connections made before it serves wait in the backlog.
/// The program stops when its standard input ends: at `stop()`, or when this process ends in
/// any way, a crash or SIGKILL included, since the kernel then closes the pipe's other end.
final class SandboxProcess: Sendable {
    /// The program's file name, beside lastfm-auth (`swift build`) or in `../libexec/lastfm-auth/`
    /// from it (`scripts/install`, the .deb); never looked up on PATH.
    static let programName = "lastfm-auth-sandbox"
    /// Its name (argv[0]) when `lastfm-auth sandbox` runs it: the program then calls itself that.
    static let invokedAs = "lastfm-auth sandbox"
    /// What is said when the program is missing: the folders it was looked for in, and how to get it.
    static var notFound: String {
        let folders = candidates().map { $0.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") }
        return L("could not start the sandbox server: there is no {programName} in {folders}. Build it with swift build --product lastfm-auth-sandbox, or install the Debian package lastfm-auth-sandbox.", ["programName": "\(programName)", "folders": Wording.list(folders, or: true)])
    }

    /// Where the sandbox answers.
    let address: SandboxAddress
    private let program: String
    private let state: Mutex<State>

    private enum State {
        case reserved(LoopbackSocket)
        case running(pid: pid_t, lifeline: Int32)
        /// It ended before `stop()` (killed, crashed), and was reaped.
        case ended
        case stopped
    }

    /// Finds the program and reserves a port on 127.0.0.1; starts nothing.
    init() throws(CLIError) {
        guard let program = Self.program() else { throw .failed(Self.notFound) }
        let socket: LoopbackSocket
        do { socket = try LoopbackSocket(port: 0) } catch { throw .failed(L("could not start the sandbox server: {error}", ["error": "\(error)"])) }
        self.program = program
        address = SandboxAddress(port: socket.port)
        state = Mutex(.reserved(socket))
    }

    /// Starts the program on the reserved socket; does nothing if it was started or stopped.
    func start() throws(CLIError) {
        try state.withLock { state throws(CLIError) in
            guard case .reserved(let socket) = state else { return }
            // This process keeps the pipe's write end (close-on-exec: no other child inherits it;
            // Swift's Glibc module has no pipe2; the browser, the only other child, is never started meanwhile).
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw .failed(L("could not start the sandbox server: {reason}", ["reason": "\(String(cString: strerror(errno)))"])) }
            ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
            // dup2 onto another number clears close-on-exec; onto the same number it would not.
            let inheritedFD: Int32 = socket.descriptor == 3 ? 4 : 3
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO)
            posix_spawn_file_actions_adddup2(&actions, socket.descriptor, inheritedFD)
            // Nothing of it may reach the screen the wizard draws on.
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO)
            ChildProcess.closeDescriptors(from: inheritedFD + 1, in: &actions)
            let arguments = [Self.programName, "--socket-fd", String(inheritedFD), "--stop-at-end-of-input", "--quiet"]
            var argv = arguments.map { strdup($0) } + [nil]
            // The environment without LASTFM_* (an exported LASTFM_API_SECRET, say): the sandbox
            // reads none of it, and a secret should live in as few processes as it can.
            var envp = Self.environmentWithoutOurs().map { strdup($0) } + [nil]
            defer { (argv + envp).forEach { free($0) } }
            var pid = pid_t()
            // A process group of its own: Ctrl-C at the terminal is for lastfm-auth, which then stops it.
            let status = ChildProcess.withCleanAttributes(flags: Int32(POSIX_SPAWN_SETPGROUP)) { attributes in
                posix_spawn(&pid, program, &actions, &attributes, &argv, &envp)
            }
            close(ends[0])
            close(socket.descriptor)
            guard status == 0 else {
                close(ends[1])
                state = .stopped
                throw .failed(L("could not start the sandbox server {program}: {reason}", ["program": "\(program)", "reason": "\(String(cString: strerror(status)))"]))
            }
            state = .running(pid: pid, lifeline: ends[1])
        }
    }

    /// Stops the program (or frees the reserved port) and waits for it to end.
    func stop() {
        let previous = state.withLock { state in
            defer { state = .stopped }
            return state
        }
        switch previous {
        case .reserved(let socket):
            close(socket.descriptor)
        case .ended:
            break
        case .running(let pid, let lifeline):
            close(lifeline)
            kill(pid, SIGTERM)
            // It ends in milliseconds; one that does not within 2 s is killed rather than waited for.
            var status: Int32 = 0
            for _ in 0..<200 {
                let ended = waitpid(pid, &status, WNOHANG)
                if ended == pid || (ended < 0 && errno != EINTR) { return }
                usleep(10_000)
            }
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        case .stopped:
            break
        }
    }

    /// This process's environment, less the variables lastfm-auth reads (LASTFM_*).
    private static func environmentWithoutOurs() -> [String] {
        ProcessEnvironment.current().filter { !$0.key.hasPrefix("LASTFM_") }.map { "\($0.key)=\($0.value)" }
    }

    /// The sentence for trouble while the sandbox runs, if its program has ended since the last
    /// call (said once): the one place both fronts take it from.
    func endedNotice() -> String? {
        newlyEnded().map(Wording.sandboxEnded)
    }

    /// How the program ended ("signal 9", "exit status 1") if it ended before `stop()`, the first
    /// time this is asked after it did; nil otherwise. For the fronts, when requests start failing.
    private func newlyEnded() -> String? {
        state.withLock { state in
            switch state {
            case .running(let pid, let lifeline):
                var status: Int32 = 0
                guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
                close(lifeline)
                let how = status & 0x7F == 0 ? L("exit status {status}", ["status": "\((status >> 8) & 0xFF)"]) : L("signal {signal}", ["signal": "\(status & 0x7F)"])
                state = .ended
                return how
            case .reserved, .ended, .stopped:
                return nil
            }
        }
    }

    /// The program's path: beside this executable, else in ../libexec/lastfm-auth/ from it; nil if
    /// neither is there.
    static func program() -> String? {
        candidates().first { access($0, X_OK) == 0 }
    }

    /// Where the program may be, from this executable's real path (/proc/self/exe: symlinks resolved).
    private static func candidates() -> [String] {
        guard let executable = ExecutablePath.current else { return [] }
        var folders = executable.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let beside = folders.joined(separator: "/")
        folders = folders.dropLast()
        return ["\(beside)/\(programName)", "\(folders.joined(separator: "/"))/libexec/lastfm-auth/\(programName)"]
    }
}

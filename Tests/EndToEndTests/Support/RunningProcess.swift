import Foundation
import Synchronization
import TestSupport

/// The real `lastfm-auth` binary, run as a child process with its output collected as it comes.
final class RunningProcess: Sendable {
    /// Where `swift build` put the binary: beside the test bundle, or `LASTFM_AUTH_BIN`.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["LASTFM_AUTH_BIN"] { return path }
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("lastfm-auth").path
    }()

    /// Another program `swift build` put beside it (the package's snippets).
    static func sibling(_ name: String) -> String {
        URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent(name).path
    }

    private let process: Process
    /// Bytes collected from one pipe by a thread of its own, which reads until read() returns 0:
    /// every writing end is closed (the program's, and any copy a process it started kept).
    private final class Collected: Sendable {
        private let data = Mutex(Data())
        private let abandoned = Atomic(false)
        private let ended = DispatchSemaphore(value: 0)

        var text: String { data.withLock { String(decoding: $0, as: UTF8.self) } }

        /// Reads `handle` on a thread of its own until end of file (or an error), or until
        /// `abandon()`; then `waitForEnd` returns true.
        func startReading(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                // The handle stays alive (its descriptor open) as long as this thread reads it.
                withExtendedLifetime(handle) { readToEnd(handle.fileDescriptor) }
                ended.signal()
            }
        }

        /// Nothing to read (standard output that is not a pipe of ours).
        func markEnded() { ended.signal() }

        /// Stops the reading thread within its next poll, whether or not the pipe has ended.
        func abandon() { abandoned.store(true, ordering: .relaxed) }

        /// Blocks until the pipe has been read to its end, at most until `deadline`; whether it was.
        func waitForEnd(until deadline: ContinuousClock.Instant) -> Bool {
            let left = max(ContinuousClock.now.duration(to: deadline), .zero).components
            let milliseconds = Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000)
            let ok = ended.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
            if ok { ended.signal() }  // it stays ended for a later wait
            return ok
        }

        private func readToEnd(_ descriptor: Int32) {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while !abandoned.load(ordering: .relaxed) {
                // A bounded poll, so that `abandon()` is seen while a stray writer keeps the pipe open.
                var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let polled = poll(&ready, 1, 100)
                if polled == 0 || (polled < 0 && errno == EINTR) { continue }
                guard polled > 0 else { return }
                let count = read(descriptor, &buffer, buffer.count)
                if count > 0 {
                    data.withLock { $0.append(contentsOf: buffer[0..<count]) }
                } else if count == 0 || errno != EINTR {
                    return
                }
            }
        }
    }

    private let stdoutBuffer = Collected()
    private let stderrBuffer = Collected()
    private let stdinPipe = Pipe()

    /// Starts the binary with `arguments` and exactly `environment` (plus LANG, PATH and a wide COLUMNS).
    /// With `closedStdout`, standard output is a pipe whose reading end is closed before it starts (`| true`).
    init(_ arguments: [String], environment: [String: String], stdin: String? = nil, closedStdout: Bool = false,
         executable: String = RunningProcess.binary) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = environment
        env["LANG"] = env["LANG"] ?? "C.UTF-8"
        env["PATH"] = env["PATH"] ?? "/usr/bin:/bin"
        // Sentences are read whole here; the plain front's wrapping at 80 columns (and at the
        // terminal's) is LayoutTests' to check, which set COLUMNS to 80 and 40.
        env["COLUMNS"] = env["COLUMNS"] ?? "100000"
        process.environment = env
        let out: Pipe? = closedStdout ? nil : Pipe()
        let err = Pipe()
        // Close-on-exec at once: a program another test starts meanwhile must not inherit these
        // ends (the child gets its own copies as 0, 1 and 2, which dup2 makes inheritable).
        for pipe in [out, err, stdinPipe].compactMap({ $0 }) {
            for end in [pipe.fileHandleForReading, pipe.fileHandleForWriting] { _ = fcntl(end.fileDescriptor, F_SETFD, FD_CLOEXEC) }
        }
        // With `closedStdout`, a pipe with no reader from the start, as `| true` once it has ended:
        // the first write is EPIPE. (Closing the reading end after the start raced: a program
        // started meanwhile could hold it, and the write went through.)
        var unread: FileHandle?
        if closedStdout {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
            close(ends[0])
            _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
            unread = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        }
        process.standardOutput = unread ?? out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : stdinPipe
        // Process.run closes our copies of the writing ends, so each pipe ends when the program
        // (and whatever it passed them on to) has closed its own.
        try process.run()
        try? unread?.close()
        if let out { stdoutBuffer.startReading(out.fileHandleForReading) } else { stdoutBuffer.markEnded() }
        stderrBuffer.startReading(err.fileHandleForReading)
        if let stdin {
            stdinPipe.fileHandleForWriting.write(Data(stdin.utf8))
            try? stdinPipe.fileHandleForWriting.close()
        }
    }

    /// The process's id.
    var pid: pid_t { process.processIdentifier }
    var stdout: String { stdoutBuffer.text }
    var stderr: String { stderrBuffer.text }

    /// Polls until standard error contains `text`; false at the deadline. Looks once more at the
    /// deadline: on a loaded machine this task may first run again only after it.
    func waitForStderr(containing text: String, timeout: Duration = .seconds(20)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning {
                await drainPipes()
                return stderr.contains(text)
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return stderr.contains(text)
    }

    /// Whether standard output has been read to its end (every writing end closed, also those of
    /// processes it started), waiting at most `deadline`.
    func outputEnded(within deadline: Duration) async -> Bool {
        let until = ContinuousClock.now + deadline
        let buffer = stdoutBuffer
        return await offPool { buffer.waitForEnd(until: until) }
    }

    /// Polls until the process exits and returns its status; nil (and the process killed) at the deadline.
    func exitStatus(timeout: Duration = .seconds(30)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                return nil
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        await drainPipes()
        return process.terminationStatus
    }

    /// Once the program has exited, everything it wrote is in the pipes: waits until each has been
    /// read to its end. The deadline is only for a writing end that outlives the program (a process
    /// it started, or one another test started while these ends were still inheritable); the
    /// readers keep reading meanwhile, so what the program wrote is in by then.
    private func drainPipes() async {
        let deadline = ContinuousClock.now + .seconds(5)
        let buffers = (stdoutBuffer, stderrBuffer)
        // Blocking waits, so on a thread of their own rather than one of the few that run every test's tasks.
        _ = await offPool { [buffers.0.waitForEnd(until: deadline), buffers.1.waitForEnd(until: deadline)] }
    }

    deinit {
        stdoutBuffer.abandon()
        stderrBuffer.abandon()
    }

    /// Sends SIGINT, as Ctrl-C would.
    func interrupt() { process.interrupt() }

    /// Runs to completion and returns (status, stdout, stderr).
    static func run(_ arguments: [String], environment: [String: String], stdin: String? = nil,
                    executable: String = RunningProcess.binary) async throws -> (Int32?, String, String) {
        let running = try RunningProcess(arguments, environment: environment, stdin: stdin, executable: executable)
        let status = await running.exitStatus()
        return (status, running.stdout, running.stderr)
    }
}

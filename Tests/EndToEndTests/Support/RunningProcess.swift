import Foundation
import Synchronization

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
    /// Bytes collected from one pipe.
    private final class Collected: Sendable {
        let data = Mutex(Data())
        var text: String { data.withLock { String(decoding: $0, as: UTF8.self) } }
        func append(_ more: Data) { data.withLock { $0.append(more) } }
    }

    private let stdoutBuffer = Collected()
    private let stderrBuffer = Collected()
    private let stdinPipe = Pipe()

    /// Starts the binary with `arguments` and exactly `environment` (plus LANG and PATH).
    /// With `closedStdout`, standard output is a pipe whose reading end is closed before it starts (`| true`).
    init(_ arguments: [String], environment: [String: String], stdin: String? = nil, closedStdout: Bool = false,
         executable: String = RunningProcess.binary) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = environment
        env["LANG"] = env["LANG"] ?? "C.UTF-8"
        env["PATH"] = env["PATH"] ?? "/usr/bin:/bin"
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        // Close-on-exec at once: a program another test starts meanwhile must not inherit these
        // ends (the child gets its own copies as 0, 1 and 2, which dup2 makes inheritable).
        for pipe in [out, err, stdinPipe] {
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
        let stdoutBuffer = stdoutBuffer
        let stderrBuffer = stderrBuffer
        out.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            stdoutBuffer.append(data)
        }
        err.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            stderrBuffer.append(data)
        }
        try process.run()
        try? unread?.close()
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
            if !process.isRunning { return stderr.contains(text) }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return stderr.contains(text)
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
        // Let the readability handlers drain what is left in the pipes.
        try? await Task.sleep(for: .milliseconds(50))
        return process.terminationStatus
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

import TestSupport
import Foundation

/// A command-line tool run to its end (openssl, readelf, nm), found through PATH.
struct ToolRun {
    let status: Int32
    let output: String
    let errors: String

    /// Runs `tool` on a thread of its own: waiting for a tool (nm over a 30 MB binary takes
    /// seconds on a loaded machine) on one of the test runner's few cooperative threads holds back
    /// every other test's polling.
    static func run(_ tool: String, _ arguments: [String]) async throws -> ToolRun {
        try await offPool { try ToolRun(tool, arguments) }
    }

    init(_ tool: String, _ arguments: [String]) throws {
        // Errors go to a file, so a tool that says a lot on both streams never stalls on a full pipe.
        let errorsPath = NSTemporaryDirectory() + "tool-errors-" + UUID().uuidString
        FileManager.default.createFile(atPath: errorsPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorsPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        // Close-on-exec at once: a program another test starts meanwhile (a keyring daemon that
        // lives on) must not inherit the writing end, or the read below never ends.
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        for handle in [output.fileHandleForReading, output.fileHandleForWriting, errors] { _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC) }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try? output.fileHandleForWriting.close()
        self.output = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        status = process.terminationStatus
        self.errors = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
    }
}

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
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        try process.run()
        self.output = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        status = process.terminationStatus
        errors = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
    }
}

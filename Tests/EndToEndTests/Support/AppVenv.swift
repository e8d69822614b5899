import Foundation
import Testing

/// A real app from PyPI in a virtual environment that scripts/app-venv makes once and keeps
/// between runs (~/.cache/lastfm-auth-tests/venvs/NAME). A test that cannot have it is cancelled,
/// saying why: never passed silently.
struct AppVenv {
    /// The venv's folder.
    let path: String

    /// The repository's root, where scripts/app-venv is.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized.path

    /// The venv `name` holding `packages`, made if needed; the test is cancelled with the reason
    /// when it cannot be made (no PyPI, no python3-venv).
    static func require(_ name: String, _ packages: [String]) async throws -> AppVenv {
        // RunningProcess, not ToolRun: its pipe ends are close-on-exec, so a long-lived program
        // another test starts meanwhile (a keyring daemon) cannot hold them open and stall the read.
        let maker = try RunningProcess([name] + packages, environment: ProcessInfo.processInfo.environment, executable: root + "/scripts/app-venv")
        let status = await maker.exitStatus(timeout: .seconds(600))
        let path = maker.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0, !path.isEmpty else {
            try Test.cancel("\(name) could not be installed from PyPI (scripts/app-venv, status \(status.map(String.init) ?? "none")): \(maker.stderr.suffix(400))")
        }
        return AppVenv(path: path)
    }

    /// Cancels the test, saying what to install, unless each of `tools` is on PATH.
    static func requireTools(_ tools: [String]) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let missing = tools.filter { tool in !path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") } }
        if !missing.isEmpty { try Test.cancel("\(missing.joined(separator: ", ")) not installed: scripts/setup-tests installs them") }
    }

    /// The venv's `python` running `code`, with `environment`; its status, output and errors.
    func python(_ code: String, environment: [String: String]) async throws -> (Int32?, String, String) {
        try await RunningProcess.run(["-c", code], environment: environment, executable: path + "/bin/python")
    }
}

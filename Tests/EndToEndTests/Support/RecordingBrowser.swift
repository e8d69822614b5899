import Foundation
import TestSupport

/// A `BROWSER` for the binary that only writes down what it was asked to open, one address a
/// line, so a test can be the person at the browser (`SandboxBrowser`, or Chromium); and the
/// descriptors it was started with (`ls -l /proc/PID/fd`).
struct RecordingBrowser {
    let scratch: ScratchFolder
    let script: String

    init(in scratch: ScratchFolder) {
        self.scratch = scratch
        script = scratch.write("browser.sh", "#!/bin/sh\nls -l /proc/$$/fd > '\(scratch.path)/descriptors' 2>&1\n"
                               + "printf '%s\\n' \"$1\" >> '\(scratch.path)/opened'\n", mode: 0o755)
    }

    /// `environment` with this browser as `BROWSER`.
    func environment(_ environment: [String: String]) -> [String: String] {
        environment.merging(["BROWSER": script]) { $1 }
    }

    /// The addresses opened so far.
    var opened: [String] {
        (scratch.read("opened") ?? "").split(separator: "\n").map(String.init)
    }

    /// What the browser's descriptors pointed at (`/dev/null`, `socket:[N]`, `pipe:[N]`), once it ran.
    var descriptorTargets: [String] {
        (scratch.read("descriptors") ?? "").split(separator: "\n").compactMap { line in line.range(of: " -> ").map { String(line[$0.upperBound...]) } }
    }

    /// The first address opened, once there is one.
    func firstPage(within deadline: Duration = .seconds(30)) async -> String? {
        guard await eventually(within: deadline, { !opened.isEmpty }) else { return nil }
        return opened.first
    }
}

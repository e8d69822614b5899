import Foundation
import TestSupport

/// A `BROWSER` for the binary that only writes down what it was asked to open, one address a
/// line, so a test can be the person at the browser (`SandboxBrowser`, or Chromium).
struct RecordingBrowser {
    let scratch: ScratchFolder
    let script: String

    init(in scratch: ScratchFolder) {
        self.scratch = scratch
        script = scratch.write("browser.sh", "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '\(scratch.path)/opened'\n", mode: 0o755)
    }

    /// `environment` with this browser as `BROWSER`.
    func environment(_ environment: [String: String]) -> [String: String] {
        environment.merging(["BROWSER": script]) { $1 }
    }

    /// The addresses opened so far.
    var opened: [String] {
        (scratch.read("opened") ?? "").split(separator: "\n").map(String.init)
    }

    /// The first address opened, once there is one.
    func firstPage(within deadline: Duration = .seconds(30)) async -> String? {
        guard await eventually(within: deadline, { !opened.isEmpty }) else { return nil }
        return opened.first
    }
}

import Foundation
import TestSupport

/// A `BROWSER` for the binary that only writes down what it was asked to open, one address a
/// line, so a test can be the person at the browser (`SandboxBrowser`, or Chromium); and the
/// descriptors it was started with (`ls -l /proc/PID/fd`), its arguments and its environment.
/// lastfm-auth starts it on a private page (`OpenPage`) that sends it on: the address recorded
/// is the one that page sends it to, read as a browser reads it, at once.
struct RecordingBrowser {
    let scratch: ScratchFolder
    let script: String

    init(in scratch: ScratchFolder) {
        self.scratch = scratch
        let folder = scratch.path
        script = scratch.write("browser.sh", """
            #!/bin/sh
            ls -l /proc/$$/fd > '\(folder)/descriptors' 2>&1
            env > '\(folder)/environment'
            printf '%s\\n' "$*" >> '\(folder)/arguments'
            case "$1" in
            file://*) sed -n 's/.*content="0;url=\\([^"]*\\)".*/\\1/p' "${1#file://}" | sed 's/&amp;/\\&/g' >> '\(folder)/opened' ;;
            *) printf '%s\\n' "$1" >> '\(folder)/opened' ;;
            esac

            """, mode: 0o755)
    }

    /// `environment` with this browser as `BROWSER`.
    func environment(_ environment: [String: String]) -> [String: String] {
        environment.merging(["BROWSER": script]) { $1 }
    }

    /// The addresses opened so far.
    var opened: [String] {
        (scratch.read("opened") ?? "").split(separator: "\n").map(String.init)
    }

    /// The arguments it was started with, one start a line (what every user can read in `ps`).
    var arguments: [String] {
        (scratch.read("arguments") ?? "").split(separator: "\n").map(String.init)
    }

    /// The names of the environment variables it was started with.
    var environmentNames: [String] {
        (scratch.read("environment") ?? "").split(separator: "\n").compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) }
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

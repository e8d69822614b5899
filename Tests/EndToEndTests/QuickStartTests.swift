import Foundation
import Testing

/// Issue #40: the README's quick start is two commands; the first installs only what running
/// needs, the second installs the test tools itself, and `.ci/run` runs exactly that command.
@Suite("The README's quick start")
struct QuickStartTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    static func read(_ path: String) throws -> String { try String(contentsOfFile: root + "/" + path, encoding: .utf8) }

    /// The quick start's commands, without their comments.
    static func commands() throws -> [String] {
        let readme = try read("README.md")
        let section = try #require(readme.components(separatedBy: "## Quick start").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n").map { $0.components(separatedBy: "#").first!.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test("two commands: the first runs scripts/setup, which installs no test tool; the second, scripts/test, installs them")
    func twoCommands() throws {
        let commands = try Self.commands()
        try #require(commands.count == 2, "\(commands)")
        #expect(commands[0].hasPrefix("scripts/setup &&") && commands[0].contains("swift run lastfm-auth --sandbox"))
        #expect(commands[1] == "scripts/test")
        let setup = try Self.read("scripts/setup")
        let tests = try Self.read("scripts/setup-tests")
        for tool in ["tmux", "socat", "gnome-keyring", "secret-tool", "chromium", "chromedriver", "selenium", "Xvfb", "gcr", "xdotool"] {
            #expect(!setup.contains(tool), "scripts/setup installs \(tool)")
            #expect(tests.contains(tool), "scripts/setup-tests lacks \(tool)")
        }
        let test = try Self.read("scripts/test")
        #expect(test.contains("\nscripts/setup\n") && test.contains("\nscripts/setup-tests\n") && test.contains("swift test"))
    }

    @Test(".ci/run runs the README's test command, and installs nothing before it")
    func ciRunsTheReadmeCommand() throws {
        let ci = try Self.read(".ci/run")
        let lines = ci.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        let runsTests = try #require(lines.firstIndex { $0.contains("scripts/test") }, "\(ci)")
        #expect(!lines[..<runsTests].contains { $0.contains("scripts/setup") || $0.contains("apt-get") || $0.contains("swift test") })
    }
}

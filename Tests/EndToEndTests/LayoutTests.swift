import Foundation
import LastFMAuth
import LastFMWizard
import Testing
import TestSupport

/// Issue #38.4: the plain front and the subcommands keep their lines within the width (COLUMNS,
/// else the terminal's, else 80), wrapped at words, in English and in longer and double-width
/// languages; an address or a command meant to be copied is never broken.
@Suite("Lines that fit the width, in every language")
struct LayoutTests {
    /// The lines of `text` wider than `width` that could have been wrapped: a line of one word
    /// (an address) or an indented one (a command to copy) stands whole.
    static func overlong(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n").map(String.init).filter { line in
            TextWidth.of(line) > width && line.contains(" ") && !(line.first?.isWhitespace ?? false)
        }
    }

    @Test("a plain flow at 80 and 40 columns, in English, German and Japanese: no line over the width but an address or a command, each whole",
          arguments: [("C.UTF-8", 80), ("C.UTF-8", 40), ("de_DE.UTF-8", 80), ("de_DE.UTF-8", 40), ("ja_JP.UTF-8", 80), ("ja_JP.UTF-8", 40)])
    func plainFlow(locale: String, width: Int) async throws {
        if locale != "C.UTF-8" {
            let language = String(locale.prefix(2))
            try #require(LanguageTests.generated(language), "the locale \(locale) is not generated here (scripts/setup-tests does it)")
            try #require(LanguageTests.compiled, "scripts/locales could not compile the catalogs")
        }
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let run = try RunningProcess(["--sandbox", "--plain", "--no-browser", "--interval", "1"],
                                     environment: scratch.environment.merging(["LANG": locale, "COLUMNS": String(width)]) { $1 })
        #expect(await run.waitForStderr(containing: "curl -s -d action=allow"))
        let token = try #require(PlainModeTests.token(in: run.stderr))
        let page = try #require(run.stderr.split(separator: "\n").first { $0.contains("/api/auth/?api_key=") }.map(String.init))
        #expect(page.hasSuffix(token), "the address stands whole on its line: \(page)")
        try await PlainModeTests.approve(page: String(page.prefix { $0 != "?" }), token: token)
        #expect(await run.exitStatus() == 0)
        #expect(Self.overlong(run.stderr, width: width).isEmpty, "over \(width) columns:\n\(Self.overlong(run.stderr, width: width).joined(separator: "\n"))")
        let command = try #require(run.stderr.split(separator: "\n").first { $0.contains("curl -s -d action=allow") })
        #expect(command.hasPrefix("  curl ") && command.hasSuffix("/api/auth/ >/dev/null"), "the command stands whole: \(command)")
    }

    @Test("status and logout keep within 80 columns")
    func subcommands() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let folder = scratch.path + "/.config/lastfm-auth"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        scratch.write(scratch.credentialsPath, FileSystemFaultTests.existing)
        let environment = scratch.environment.merging(["COLUMNS": "80"]) { $1 }
        let (_, statusOut, statusErrors) = try await RunningProcess.run(["status", "--offline", "--verbose"], environment: environment)
        #expect(Self.overlong(statusOut + statusErrors, width: 80).isEmpty, "\(statusOut)\(statusErrors)")
        let (_, logoutOut, logoutErrors) = try await RunningProcess.run(["logout", "--profile", "other", "--yes"], environment: environment)
        #expect(!(logoutOut + logoutErrors).isEmpty)
        #expect(Self.overlong(logoutOut + logoutErrors, width: 80).isEmpty, "\(logoutOut)\(logoutErrors)")
    }
}

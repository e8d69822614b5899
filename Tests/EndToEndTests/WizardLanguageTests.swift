import Foundation
import LastFMAuth
import Testing
import TestSupport

/// Issue #38.4, in a real terminal (tmux): the wizard in Japanese (double width) and in a
/// pseudo-locale (every sentence accented and about 40% longer, scripts/pseudo-locale) at 80x24
/// and 40x12 keeps what a person must act on: the address whole, the keys, the step.
@Suite("The wizard in long and double-width languages (tmux)")
struct WizardLanguageTests {
    /// The pseudo-locale `xx`, compiled where the binary looks (beside its build folder).
    static let pseudo: Bool = {
        let folder = URL(fileURLWithPath: RunningProcess.binary).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/locale/xx/LC_MESSAGES").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let po = NSTemporaryDirectory() + "lastfm-auth-pseudo-\(getpid()).po"
        guard let made = try? ToolRun("python3", [LanguageTests.root + "/scripts/pseudo-locale"]), made.status == 0,
              FileManager.default.createFile(atPath: po, contents: Data(made.output.utf8)) else { return false }
        defer { try? FileManager.default.removeItem(atPath: po) }
        return (try? ToolRun("msgfmt", ["-o", folder + "/lastfm-auth.mo", po]))?.status == 0
    }()

    @Test("the authorize step: the address whole, the keys and the step, at 80x24 and 40x12",
          arguments: [("ja", 80, 24), ("ja", 40, 12), ("xx", 80, 24), ("xx", 40, 12)])
    func authorize(language: String, width: Int, height: Int) async throws {
        var environment = ScratchFolder().environment
        if language == "xx" {
            try #require(LanguageTests.generated("de"), "the locale de_DE.UTF-8 is not generated here (gettext needs a non-C locale)")
            try #require(Self.pseudo, "scripts/pseudo-locale or msgfmt failed")
            environment["LANG"] = "de_DE.UTF-8"
            environment["LANGUAGE"] = "xx"
        } else {
            try #require(LanguageTests.generated(language), "the locale \(LanguageTests.locale(language)) is not generated here")
            try #require(LanguageTests.compiled, "scripts/locales could not compile the catalogs")
            environment["LANG"] = LanguageTests.locale(language)
        }
        let tmux = try await TmuxSession.start(["--sandbox", "--interval", "30"], environment: environment, width: width, height: height)
        // The walk by keys: Enter on the service, the key and the secret the sandbox fills in.
        for _ in 0..<3 {
            try await tmux.send("Enter")
            _ = try await tmux.waitUntil(timeout: .seconds(5)) { !$0.isEmpty }
        }
        let shown = try await tmux.waitUntil { $0.contains("token=") || $0.contains("/api/auth/") }
        #expect(shown.found, "\(language) \(width)x\(height):\n\(shown.screen)")
        let joined = try await tmux.joinedScreen()
        #expect(joined.contains(#/api/auth/\?api_key=[0-9a-f]{32}&token=[0-9a-f]{32}/#), "the address is cut in \(language) at \(width)x\(height):\n\(joined)")
        #expect(joined.contains("o ") && joined.contains("q "), "the keys:\n\(joined)")
        #expect(joined.contains("4"), "the step:\n\(joined)")
        if language == "xx" { #expect(joined.contains("~"), "the pseudo-locale is spoken:\n\(joined)") }
        print("wizard in \(language) at \(width)x\(height):\n\(try await tmux.screen())")
        try await tmux.send("q")
        _ = try await tmux.exitStatus()
        try await tmux.expectRestored()
    }
}

import Foundation
import LastFMAuth
import LastFMWizard
import Testing
import TestSupport

/// Issue #38: every wizard screen in each of the eleven languages, and snapshots of every screen
/// in Japanese (double width) and the pseudo-locale (accented, about 40% longer) at 80x24 and
/// 40x12. The screens are drawn in this process, each language on its own thread's locale
/// (`Catalog.speaking`), from catalogs compiled from po/ for this test; other tests go on in English.
@Suite("The wizard's views in every language")
struct WizardLanguageViewTests {
    static let root = URL(fileURLWithPath: POFile.folder).deletingLastPathComponent().path

    /// The eleven catalogs and the pseudo-locale's (`xx`), compiled into a folder of this test's
    /// own and bound; nil when msgfmt or python3 is missing.
    static let catalogs: String? = {
        let folder = NSTemporaryDirectory() + "lastfm-auth-view-locales-\(getpid())"
        for language in POFile.languages + ["xx"] {
            let messages = "\(folder)/\(language)/LC_MESSAGES"
            try? FileManager.default.createDirectory(atPath: messages, withIntermediateDirectories: true)
            var source = "\(POFile.folder)/\(language).po"
            if language == "xx" {
                source = "\(folder)/xx.po"
                guard let pseudo = run("/usr/bin/env", ["python3", "\(root)/scripts/pseudo-locale"]),
                      FileManager.default.createFile(atPath: source, contents: pseudo) else { return nil }
            }
            guard run("/usr/bin/env", ["msgfmt", "-o", "\(messages)/lastfm-auth.mo", source]) != nil else { return nil }
        }
        Catalog.bind(folder: folder)
        return folder
    }()

    /// A tool's standard output, or nil when it failed.
    static func run(_ program: String, _ arguments: [String]) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    /// Every screen of `WizardViewTests.screens()` at `sizes`, built and drawn in `locale`'s language.
    static func screens(in locale: String?, sizes: [(Int, Int)]) -> [(name: String, screen: Screen)]? {
        let draw = {
            WizardViewTests.screens().flatMap { name, state in
                sizes.map { width, height in
                    ("\(name)-\(width)x\(height)", WizardView(state: state, qrCode: name.hasPrefix("authorize") ? Fixtures.qr : nil).render(width: width, height: height))
                }
            }
        }
        guard let locale else { return draw() }
        return Catalog.speaking(locale, draw)
    }

    /// The catalog's sentences as (English, translation) where they differ: each literal part
    /// of a msgid between its placeholders, of three words or more.
    static func translatedParts(_ language: String) throws -> [(english: String, translated: String)] {
        try POFile(language: language).entries.flatMap { entry -> [(String, String)] in
            guard let translated = entry.translations.first, entry.msgid != translated else { return [] }
            return entry.msgid.split(separator: /\{[a-zA-Z]+\}/).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.split(separator: " ").count >= 3 && !translated.contains($0) }
                .map { ($0, translated) }
        }
    }

    @Test("every screen reads in the language: no English sentence of the catalog is left on it, at 80x24 and 40x12",
          arguments: POFile.languages)
    func everyScreen(language: String) throws {
        try #require(Self.catalogs != nil, "msgfmt or python3 is missing")
        let locale = POFile.locale(of: language)
        let sizes = [(80, 24), (40, 12)]
        let english = try #require(Self.screens(in: nil, sizes: sizes))
        let translated = try #require(Self.screens(in: locale, sizes: sizes), "the locale \(locale) is not generated here (scripts/setup-tests)")
        let parts = try Self.translatedParts(language)
        var checked = 0
        for (original, spoken) in zip(english, translated) {
            let before = flattened(original.screen.text)
            let after = flattened(spoken.screen.text)
            for part in parts where before.contains(part.english) {
                checked += 1
                #expect(!after.contains(part.english), "\(language) \(spoken.name) still says '\(part.english)':\n\(spoken.screen.text)")
            }
        }
        print("\(language): \(checked) sentence parts checked")
        #expect(checked > 50, "the English screens hold the catalog's sentences (\(checked) found)")
    }

    @Test("Japanese and the pseudo-locale at 80x24 and 40x12: snapshots of every screen; the address, the remedy and the keys stay whole",
          arguments: ["ja", "xx"])
    func longAndWide(language: String) throws {
        try #require(Self.catalogs != nil, "msgfmt or python3 is missing")
        let locale = POFile.locale(of: language)
        let drawn = Catalog.speaking(locale) {
            (Self.screens(in: nil, sizes: [(80, 24), (40, 12)]) ?? [], WizardText.problemRemedy)
        }
        let (screens, remedy) = try #require(drawn, "the locale \(locale) is not generated here (scripts/setup-tests)")
        for (name, screen) in screens {
            try assertSnapshot(screen, named: "\(language)-\(name)")
            let joined = screen.text.filter { !$0.isWhitespace }
            if name.hasPrefix("authorize") {
                #expect(screen.softWrapped?.text == Fixtures.grant.authorizeURL, "\(language) \(name): the address whole")
            }
            if name.hasPrefix("address") {
                #expect(screen.text.contains(WizardViewTests.offeredAddress), "\(language) \(name): the address to type whole:\n\(screen.text)")
            }
            if name.hasPrefix("problem") {
                #expect(joined.contains(remedy.filter { !$0.isWhitespace }), "\(language) \(name): the remedy whole:\n\(screen.text)")
            }
            let keyBar = screen.lines.suffix(3).map { $0.spans.map(\.text).joined() }.joined()
            // The saving step has no keys: it lasts a moment.
            #expect(keyBar.contains("?") || keyBar.contains("F1") || name.hasPrefix("help") || name.hasPrefix("saving"), "\(language) \(name): the key to help:\n\(screen.text)")
        }
    }
}

import Foundation

/// A gettext catalog (`po/LL.po`) as the tests read it: its header and entries.
public struct POFile {
    /// One entry: its English, its plural English, its translations (one per plural form), and whether it is fuzzy.
    public struct Entry {
        public var msgid: String
        public var plural: String?
        public var translations: [String]
        public var fuzzy: Bool
    }

    /// The language, as in `po/LL.po`.
    public let language: String
    /// The header entry's text.
    public let header: String
    /// Every entry but the header (obsolete `#~` ones left out).
    public let entries: [Entry]

    /// The repository's `po` folder.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("po").path

    /// The eleven languages of Last.fm's site besides English.
    public static let languages = ["de", "es", "fr", "it", "ja", "pl", "pt_BR", "ru", "sv", "tr", "zh_CN"]

    /// The locale a test runs `language` in ("ja" gives "ja_JP.UTF-8"; "pt_BR" stays itself).
    public static func locale(of language: String) -> String {
        let region = ["de": "de_DE", "es": "es_ES", "fr": "fr_FR", "it": "it_IT", "ja": "ja_JP", "pl": "pl_PL", "ru": "ru_RU", "sv": "sv_SE",
                      "tr": "tr_TR", "xx": "xx_XX"]
        return (region[language] ?? language) + ".UTF-8"
    }

    /// Reads `po/LANGUAGE.po`.
    public init(language: String) throws {
        self.language = language
        let text = try String(contentsOfFile: Self.folder + "/\(language).po", encoding: .utf8)
        var entries: [Entry] = []
        var current = Entry(msgid: "", plural: nil, translations: [], fuzzy: false)
        var field: String?
        var started = false
        func flush() {
            if started { entries.append(current) }
            current = Entry(msgid: "", plural: nil, translations: [], fuzzy: false)
            started = false
            field = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#,") { current.fuzzy = line.contains("fuzzy") ; continue }
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("msgid_plural ") { field = "plural"; current.plural = Self.unquote(line.dropFirst(13)); continue }
            if line.hasPrefix("msgid ") { started = true; field = "msgid"; current.msgid = Self.unquote(line.dropFirst(6)); continue }
            if line.hasPrefix("msgstr") {
                field = "msgstr"
                let value = line.drop { $0 != "\"" }
                current.translations.append(Self.unquote(value))
                continue
            }
            if line.hasPrefix("\"") {
                let more = Self.unquote(line)
                switch field {
                case "msgid": current.msgid += more
                case "plural": current.plural = (current.plural ?? "") + more
                case "msgstr": current.translations[current.translations.count - 1] += more
                default: break
                }
            }
        }
        flush()
        header = entries.first { $0.msgid.isEmpty }?.translations.first ?? ""
        self.entries = entries.filter { !$0.msgid.isEmpty }
    }

    /// The translation of `msgid` (its first form), if the catalog has one.
    public func translation(of msgid: String) -> String? {
        entries.first { $0.msgid == msgid }?.translations.first
    }

    /// The `{name}` placeholders of `text`.
    public static func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{([A-Za-z0-9_]+)\}/).map { String($0.1) })
    }

    private static func unquote(_ text: some StringProtocol) -> String {
        var body = text.trimmingCharacters(in: .whitespaces)
        guard body.hasPrefix("\""), body.hasSuffix("\""), body.count >= 2 else { return "" }
        body = String(body.dropFirst().dropLast())
        var out = ""
        var escaped = false
        for character in body {
            if escaped {
                switch character {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}

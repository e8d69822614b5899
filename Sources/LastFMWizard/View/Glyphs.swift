/// The characters the wizard draws beyond plain text. Unicode where the terminal can show it;
/// ASCII where it cannot: a locale that is not UTF-8 (LANG unset, LC_ALL=C: common in containers
/// and over SSH), the Linux console and old VTs (fonts without braille or check marks), or when
/// asked (`--ascii`).
public struct Glyphs: Equatable, Sendable {
    /// Between items of a line: " · ".
    public let separator: String
    /// At the end of cut text.
    public let ellipsis: String
    /// The frames of the busy spinner, each one column wide.
    public let spinner: [String]
    /// Before something that worked, and something that did not.
    public let ok: String
    /// Before what went wrong.
    public let cross: String
    /// One per character of a hidden secret.
    public let mask: String
    /// Whether the QR code's half blocks can be drawn.
    public let drawsBlocks: Bool
    /// Whether only ASCII reaches the screen (other characters become `?`, one per column).
    public let asciiOnly: Bool

    /// For UTF-8 terminals that can show Braille, blocks and arrows.
    public static let unicode = Glyphs(separator: " · ", ellipsis: "…", spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"],
                                       ok: "✓", cross: "✗", mask: "•", drawsBlocks: true, asciiOnly: false)
    /// For the rest: the Linux console, LC_ALL=C, --ascii.
    public static let ascii = Glyphs(separator: " - ", ellipsis: "...", spinner: ["|", "/", "-", "\\"],
                                     ok: "ok", cross: "x", mask: "*", drawsBlocks: false, asciiOnly: true)

    /// The set for a terminal: `codeset` is the locale's (nl_langinfo(CODESET)), `term` the
    /// terminfo entry drawn with, `forced` true for `--ascii` or LASTFM_AUTH_ASCII.
    public static func choose(codeset: String, term: String, forced: Bool) -> Glyphs {
        let utf8 = ["UTF-8", "UTF8"].contains(codeset.uppercased())
        let limitedFont = term == "linux" || term.hasPrefix("linux-") || term.hasPrefix("vt")
        return utf8 && !limitedFont && !forced ? .unicode : .ascii
    }

    /// A key's label as drawn: arrows become ^ and v in ASCII.
    public func key(_ label: String) -> String {
        asciiOnly ? label.replacing("↑", with: "^").replacing("↓", with: "v") : label
    }

    /// `text` with only what can be drawn: in ASCII, each other character becomes `?` once per
    /// column it takes, so every width computed before still holds.
    public func drawable(_ text: String) -> String {
        guard asciiOnly, !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        var out = ""
        for character in text {
            if character.unicodeScalars.allSatisfy(\.isASCII) { out.append(character) }
            else { out += String(repeating: "?", count: TextWidth.of(character)) }
        }
        return out
    }
}

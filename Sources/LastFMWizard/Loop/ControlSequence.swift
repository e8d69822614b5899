#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The escape sequences the wizard writes itself, beside what ncurses draws, built in one place.
public enum ControlSequence: Equatable, Sendable {
    /// OSC 52: put `text` on the clipboard of the terminal (it works over SSH where allowed).
    case copyToClipboard(String)
    /// The soft-wrapped URL written again in one go from `row` (0-based), underlined between
    /// `underlineOn` and `attributesOff` (the terminfo strings), as an OSC 8 link when `link`;
    /// then the cursor goes back to `cursor`.
    case wrappedText(String, row: Int, link: Bool, underlineOn: String, attributesOff: String, cursor: (row: Int, column: Int))
    /// Bracketed paste and focus reports on (CSI ? 2004 h, CSI ? 1004 h).
    case inputModesOn
    /// Both modes off again, the reverse order of `inputModesOn`.
    case inputModesOff

    /// The bytes to write.
    public var text: String {
        switch self {
        case .copyToClipboard(let text):
            return "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
        case .wrappedText(let text, let row, let link, let on, let off, let cursor):
            let (open, close) = link ? ("\u{1B}]8;;\(text)\u{1B}\\", "\u{1B}]8;;\u{1B}\\") : ("", "")
            return "\u{1B}[\(row + 1);1H" + on + open + text + close + off + "\u{1B}[\(cursor.row + 1);\(cursor.column + 1)H"
        case .inputModesOn:
            return "\u{1B}[?2004h\u{1B}[?1004h"
        case .inputModesOff:
            return "\u{1B}[?1004l\u{1B}[?2004l"
        }
    }

    /// Equal when they write the same bytes.
    public static func == (lhs: ControlSequence, rhs: ControlSequence) -> Bool { lhs.text == rhs.text }
}

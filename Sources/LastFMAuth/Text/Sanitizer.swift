/// Makes text from a server (or any other untrusted place) safe to show in a terminal.
///
/// Removes escape sequences (CSI, OSC, DCS and friends) whole, C0 and C1 controls, DEL, NUL and
/// bidirectional overrides, so a hostile server cannot move the cursor, set the clipboard (OSC 52),
/// plant links (OSC 8) or reorder what the user reads. Tabs and line breaks become spaces.
public enum Sanitizer {
    /// A server's text for a screen or a log line: cleaned, and cut to `limit` characters (ending
    /// in "...") before anything draws, logs or keeps it. An error text of a megabyte was printed
    /// whole on every retry and held the wizard at 100% CPU.
    public static func bounded(_ text: some StringProtocol, limit: Int = 300) -> String {
        // Only the start can be shown: what is cleaned is bounded too.
        let start = text.utf8.count > limit * 16 ? String(decoding: text.utf8.prefix(limit * 16), as: UTF8.self) : String(text)
        let cleaned = clean(start)
        guard cleaned.count > limit || start.utf8.count < text.utf8.count else { return cleaned }
        return String(cleaned.prefix(limit - 3)) + "..."
    }

    /// `text` with every control and escape sequence removed.
    public static func clean(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var scalars = String(text).unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                skipEscapeSequence(&scalars)
            case 0x9B, 0x90, 0x9D, 0x98, 0x9E, 0x9F:
                // C1 forms of CSI, DCS, OSC, SOS, PM and APC: drop their bodies too.
                skipSequenceBody(&scalars, isControlString: scalar.value != 0x9B)
            case 0x09, 0x0A, 0x0D:
                out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let next = scalars.next() else { return }
        switch next {
        case "[": skipSequenceBody(&scalars, isControlString: false)
        case "]", "P", "X", "^", "_": skipSequenceBody(&scalars, isControlString: true)
        default: return  // a two-character escape: both characters are gone
        }
    }

    /// Skips a CSI body up to its final byte, or a control string up to BEL or ST.
    private static func skipSequenceBody(_ scalars: inout String.UnicodeScalarView.Iterator, isControlString: Bool) {
        while let scalar = scalars.next() {
            if isControlString {
                if scalar.value == 0x07 || scalar.value == 0x9C { return }
                if scalar.value == 0x1B { _ = scalars.next(); return }
            } else if (0x40...0x7E).contains(scalar.value) {
                return
            }
        }
    }
}

/// Terminal column widths of text, and wrapping by width: wide (CJK) characters take two
/// columns, combining marks none. Pure Swift, so views measure the same in tests as on screen.
public enum TextWidth {
    /// Columns taken by `text`.
    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// Columns taken by one character (its first scalar decides; the rest combine).
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return of(scalar)
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth ranges, and the emoji blocks terminals draw double.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
             0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
             0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705,
             0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
             0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F2FF,
             0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// `text` cut to at most `width` columns, ending in `ellipsis` when something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard of(text) > width else { return text }
        let mark = of(ellipsis) <= width ? ellipsis : ""
        var out = ""
        var used = 0
        for character in text {
            let columns = of(character)
            if used + columns > width - of(mark) { break }
            out.append(character)
            used += columns
        }
        return out + mark
    }

    /// Word-wraps `text` into lines of at most `width` columns, at spaces and between CJK
    /// characters (`pieces`); a piece longer than a line is broken.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for piece in pieces(Substring(text)) {
            let pieceWidth = of(piece.text)
            let gap = piece.spaced ? 1 : 0
            if currentWidth > 0, currentWidth + gap + pieceWidth <= width {
                current += (piece.spaced ? " " : "") + piece.text
                currentWidth += gap + pieceWidth
                continue
            }
            if currentWidth > 0 {
                lines.append(current)
                current = ""
                currentWidth = 0
            }
            if pieceWidth <= width {
                current = piece.text
                currentWidth = pieceWidth
            } else {
                let broken = hardWrap(piece.text, width: width)
                lines += broken.dropLast()
                current = broken.last ?? ""
                currentWidth = of(current)
            }
        }
        if currentWidth > 0 || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// The plain front's wrapping: each line of `text` wrapped to `width` columns at spaces and
    /// between CJK characters (`pieces`), never inside a word (an address or a key too long for a
    /// line stands whole on a line of its own, for the terminal to fold: a mouse selection still
    /// copies it), and an indented line (a command or an address meant to be copied) left as it is.
    public static func wrapWords(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            guard width > 0, of(line) > width, !(line.first?.isWhitespace ?? false) else { return [String(line)] }
            var lines: [String] = []
            var current = ""
            var used = 0
            for piece in pieces(line) {
                let columns = of(piece.text)
                let gap = piece.spaced ? 1 : 0
                if used > 0, used + gap + columns > width {
                    lines.append(current)
                    current = ""
                    used = 0
                }
                current += (used > 0 && piece.spaced ? " " : "") + piece.text
                used += (used > 0 ? gap : 0) + columns
            }
            lines.append(current)
            return lines
        }
    }

    /// The pieces a line may be broken between, each with whether a space came before it: words
    /// at spaces, and each CJK character on its own (Japanese and Chinese put no spaces between
    /// words), except that closing punctuation and small kana never start a line and opening
    /// brackets never end one (kinsoku shori, as JIS X 4051 has it). A run of other characters
    /// (a word, an address, a command) is never broken.
    static func pieces(_ line: Substring) -> [(text: String, spaced: Bool)] {
        var pieces: [(text: String, spaced: Bool)] = []
        var current = ""
        var spaced = false
        var sawSpace = false
        for character in line {
            if character == " " {
                if !current.isEmpty { pieces.append((current, spaced)) }
                current = ""
                sawSpace = true
                continue
            }
            if let last = current.last, mayBreak(between: last, and: character) {
                pieces.append((current, spaced))
                current = ""
            }
            if current.isEmpty {
                spaced = sawSpace && !pieces.isEmpty
                sawSpace = false
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append((current, spaced)) }
        return pieces
    }

    /// Whether a line may end between `before` and `after` where no space separates them: beside
    /// a CJK character, unless kinsoku forbids it.
    private static func mayBreak(between before: Character, and after: Character) -> Bool {
        if neverStartsLine.contains(after) || neverEndsLine.contains(before) { return false }
        return isCJK(before) || isCJK(after)
    }

    /// Wide characters written without spaces between words: ideographs, kana, hangul syllables
    /// and full-width forms.
    private static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return of(scalar) == 2 && !(0x1F000...0x1FAFF).contains(scalar.value)
    }

    /// Closing brackets and quotes, sentence and clause marks, the prolonged sound mark, iteration
    /// marks and small kana: never the first character of a line. ASCII closing punctuation too,
    /// so "…を開く)." keeps its bracket and stop.
    private static let neverStartsLine: Set<Character> = Set("、。，．・：；？！ー～）」』】〕〉》〙〗’”ゝゞ々ヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ),.:;!?]}%")

    /// Opening brackets and quotes: never the last character of a line.
    private static let neverEndsLine: Set<Character> = Set("（「『【〔〈《〘〖‘“([{")

    /// Breaks `text` every `width` columns, never splitting a wide character (for URLs: nothing is lost).
    public static func hardWrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        var used = 0
        for character in text {
            let columns = of(character)
            if used + columns > width {
                lines.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += columns
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}

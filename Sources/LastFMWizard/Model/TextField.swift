/// An editable line of text with a cursor, as plain data.
public struct TextField: Equatable, Sendable {
    /// What is typed.
    public private(set) var text: String
    /// The cursor as a character offset, 0...text.count.
    public private(set) var cursor: Int
    /// The most characters it holds (a paste is cut there).
    public let limit: Int

    /// A field holding `text`, the cursor at its end, taking at most `limit` characters.
    public init(_ text: String = "", limit: Int = 512) {
        self.text = String(text.prefix(limit))
        self.cursor = self.text.count
        self.limit = limit
    }

    /// Inserts at the cursor what may be typed: printable characters only, up to the limit.
    public mutating func insert(_ typed: String) {
        let clean = typed.filter { character in
            character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
        }
        let room = limit - text.count
        guard room > 0, !clean.isEmpty else { return }
        let accepted = String(clean.prefix(room))
        // Counted after joining: a combining mark merges with the character before it, so the
        // cursor cannot simply move by the number of characters inserted.
        let before = String(text.prefix(cursor)) + accepted
        text = before + String(text.dropFirst(cursor))
        cursor = min(before.count, text.count)
    }

    /// Applies an editing key; returns false for keys that are not about editing.
    @discardableResult
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(String(character))
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text = ""
            cursor = 0
        default: return false
        }
        return true
    }

    /// Replaces everything with `text`.
    public mutating func set(_ text: String) {
        self = TextField(text, limit: limit)
    }
}

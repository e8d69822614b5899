/// Turns what the terminal reads (characters, and the markers around a bracketed paste) into keys
/// and pasted text. Pure, so it can be tested and fuzzed without a terminal.
public struct InputDecoder: Sendable {
    /// The most characters kept from one paste; the rest is dropped (no field holds more than 512).
    public static let pasteLimit = 4096

    /// The text of a paste in progress, or nil outside one.
    private var paste: String.UnicodeScalarView?
    private var pasteCount = 0

    /// A decoder with nothing buffered.
    public init() {}

    /// Whether a paste has started and not yet ended.
    public var isInPaste: Bool { paste != nil }

    /// The terminal sent the bracketed-paste start marker (ESC [ 200 ~).
    public mutating func pasteStarted() {
        paste = String.UnicodeScalarView()
        pasteCount = 0
    }

    /// The terminal sent the end marker (ESC [ 201 ~): the pasted text, if a paste was open.
    public mutating func pasteEnded() -> String? {
        defer { paste = nil }
        return paste.map(String.init)
    }

    /// One character read: a key, or nil while it belongs to a paste.
    public mutating func character(_ scalar: Unicode.Scalar) -> Key? {
        if paste != nil {
            if pasteCount < Self.pasteLimit {
                paste?.append(scalar)
                pasteCount += 1
            }
            return nil
        }
        return Self.key(for: scalar)
    }

    /// The key a character stands for outside a paste: Enter, Tab, Esc, Backspace, Ctrl-letters.
    public static func key(for scalar: Unicode.Scalar) -> Key {
        switch scalar.value {
        case 0x0D, 0x0A: .enter
        case 0x09: .tab
        case 0x1B: .escape
        case 0x7F, 0x08: .backspace
        case 0x01...0x1A: .control(Character(Unicode.Scalar(scalar.value + 0x60)!))
        default: .character(Character(scalar))
        }
    }
}

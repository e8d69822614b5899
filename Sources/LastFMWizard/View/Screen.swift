/// What to draw: exactly `height` lines of styled text, each at most `width` columns, and where
/// the cursor goes. The terminal layer draws it as it is; tests compare its text.
public struct Screen: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var lines: [Line]
    /// Row and column of the text cursor, or nil to hide it.
    public var cursor: (row: Int, column: Int)?
    /// A long string (the authorize URL) drawn hard-wrapped from column 0 of `row` on. The terminal
    /// layer writes it again in one go, so that the terminal wraps it itself: a mouse selection, and
    /// tmux's `capture-pane -J`, then give it whole instead of with a line break in the middle.
    public var softWrapped: (row: Int, text: String)?

    public init(width: Int, height: Int, lines: [Line], cursor: (row: Int, column: Int)? = nil, softWrapped: (row: Int, text: String)? = nil) {
        self.width = width
        self.height = height
        self.lines = lines
        self.cursor = cursor
        self.softWrapped = softWrapped
    }

    public static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.lines == rhs.lines
            && lhs.cursor?.row == rhs.cursor?.row && lhs.cursor?.column == rhs.cursor?.column
            && lhs.softWrapped?.row == rhs.softWrapped?.row && lhs.softWrapped?.text == rhs.softWrapped?.text
    }

    /// The screen as plain text, trailing spaces trimmed: what a person would read.
    public var text: String {
        lines.map { line in
            var text = line.spans.map(\.text).joined()
            while text.last == " " { text.removeLast() }
            return text
        }.joined(separator: "\n")
    }
}

/// One row of the screen.
public struct Line: Equatable, Sendable {
    public var spans: [Span]

    public init(_ spans: [Span] = []) { self.spans = spans }
    public init(_ text: String, _ style: Style = .normal) { self.spans = [Span(text, style)] }

    /// Its width in terminal columns.
    public var width: Int { spans.reduce(0) { $0 + TextWidth.of($1.text) } }
}

/// A run of text in one style.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .normal) {
        self.text = text
        self.style = style
    }
}

/// How text is shown; the terminal layer maps styles to colours or, without colour, to attributes.
public enum Style: Equatable, Sendable, CaseIterable {
    case normal
    case title
    case heading
    case dim
    case field
    case selected
    case error
    case success
    case key
    /// The QR code: light modules drawn in the foreground colour, on a dark background.
    case qr
}

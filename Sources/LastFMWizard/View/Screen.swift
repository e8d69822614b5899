/// What to draw: exactly `height` lines of styled text, each at most `width` columns, and where
/// the cursor goes. The terminal layer draws it as it is; tests compare its text.
public struct Screen: Equatable, Sendable {
    /// Columns.
    public var width: Int
    /// Rows: exactly this many lines.
    public var height: Int
    /// The rows, top to bottom.
    public var lines: [Line]
    /// Row and column of the text cursor, or nil to hide it.
    public var cursor: (row: Int, column: Int)?
    /// A long string (the authorize URL) drawn hard-wrapped from column 0 of `row` on. The terminal
    /// layer writes it again in one go, so that the terminal wraps it itself: a mouse selection, and
    /// tmux's `capture-pane -J`, then give it whole instead of with a line break in the middle.
    public var softWrapped: (row: Int, text: String)?

    /// A screen of `lines`, with the cursor where given (hidden when nil) and an optional hard-wrapped string.
    public init(width: Int, height: Int, lines: [Line], cursor: (row: Int, column: Int)? = nil, softWrapped: (row: Int, text: String)? = nil) {
        self.width = width
        self.height = height
        self.lines = lines
        self.cursor = cursor
        self.softWrapped = softWrapped
    }

    /// Equal when they draw the same: size, lines, cursor and hard-wrapped string.
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
    /// Its runs of text, left to right.
    public var spans: [Span]

    /// A row of these runs.
    public init(_ spans: [Span] = []) { self.spans = spans }
    /// A row of one run.
    public init(_ text: String, _ style: Style = .normal) { self.spans = [Span(text, style)] }

    /// Its width in terminal columns.
    public var width: Int { spans.reduce(0) { $0 + TextWidth.of($1.text) } }
}

/// A run of text in one style.
public struct Span: Equatable, Sendable {
    /// The characters.
    public var text: String
    /// How they are shown.
    public var style: Style

    /// A run of `text` in `style`.
    public init(_ text: String, _ style: Style = .normal) {
        self.text = text
        self.style = style
    }
}

/// How text is shown; the terminal layer maps styles to colours or, without colour, to attributes.
public enum Style: Equatable, Sendable, CaseIterable {
    /// Body text.
    case normal
    /// The title bar.
    case title
    /// A step's heading.
    case heading
    /// Help and hints, less prominent.
    case dim
    /// Text the person typed, and the authorize address.
    case field
    /// The chosen option and the field with the cursor.
    case selected
    /// What went wrong.
    case error
    /// What went right.
    case success
    /// A key name in the key bar.
    case key
    /// The QR code: light modules drawn in the foreground colour, on a dark background.
    case qr
}

import LastFMAuth

/// Turns a state and a terminal size into a `Screen`. Pure: the same input draws the same screen.
public struct WizardView {
    /// The smallest terminal the wizard works in; below it a "too small" notice is shown.
    public static let minimumWidth = 40
    /// The fewest rows the wizard works in.
    public static let minimumHeight = 12

    /// What to show.
    public let state: WizardState
    /// The authorize URL's QR code, shown when there is room.
    public let qrCode: QRCode?
    /// Unicode, or ASCII for terminals that cannot draw it.
    public let glyphs: Glyphs

    /// A view of `state`, with the authorize address's QR code when there is one.
    public init(state: WizardState, qrCode: QRCode? = nil, glyphs: Glyphs = .unicode) {
        self.state = state
        self.qrCode = qrCode
        self.glyphs = glyphs
    }

    /// A body line, and whether it may be dropped when the terminal is short.
    struct Row {
        var line: Line
        var optional: Bool
        /// Set on the line that holds the field being edited: the cursor's column in it.
        var cursorColumn: Int?
        /// Lines that must be drawn from column 0 with nothing else on them (the URL), for clean selection.
        var flush: Bool
        /// Optional rows with the same group are dropped together (a paragraph goes whole, or stays).
        var group: String?
        /// Dropped, from the top, only when the rows that must stay still do not fit without it
        /// (a step's title, a field not being edited): a message's remedy below is never cut for it.
        var lastResort = false

        init(_ line: Line, optional: Bool = false, cursorColumn: Int? = nil, flush: Bool = false, group: String? = nil) {
            self.line = line
            self.optional = optional
            self.cursorColumn = cursorColumn
            self.flush = flush
            self.group = group
        }
    }

    /// The screen for a terminal of `width` x `height`: the title, the step (optional rows dropped when short), the key bar.
    public func render(width: Int, height: Int) -> Screen {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return tooSmall(width: width, height: height) }
        let inner = width - 2
        var help = helpLines(width: inner)
        // Words that do not fit three rows (a long language, a narrow window) give way to the keys
        // alone, with ? (or F1) still named: a key a person needs is never cut.
        if help.count > 3 { help = helpLines(width: inner, compact: true) }
        if help.count > 3 { help = Array(help.prefix(3)) }
        let bodyHeight = height - 2 - help.count
        var rows = state.showHelp ? helpScreen(width: inner) : body(width: inner, height: bodyHeight)
        // Short terminal: drop spacing first, then optional paragraphs (whole), from the bottom up.
        while rows.count > bodyHeight, let index = rows.lastIndex(where: { $0.optional && $0.group == nil }) { rows.remove(at: index) }
        while rows.count > bodyHeight, let group = rows.last(where: { $0.optional })?.group {
            rows.removeAll { $0.optional && $0.group == group }
        }
        while rows.count > bodyHeight, let index = rows.firstIndex(where: \.lastResort) { rows.remove(at: index) }
        if rows.count > bodyHeight { rows = Array(rows.prefix(bodyHeight)) }

        var lines = [header(width: width), Line()]
        var cursor: (row: Int, column: Int)?
        var softWrapped: (row: Int, text: String)?
        for row in rows {
            if let column = row.cursorColumn { cursor = (lines.count, 1 + column) }
            if row.flush {
                let text = row.line.spans.map(\.text).joined()
                softWrapped = softWrapped.map { ($0.row, $0.text + text) } ?? (lines.count, text)
            }
            lines.append(row.flush ? row.line : Line([Span(" ")] + row.line.spans))
        }
        while lines.count < height - help.count { lines.append(Line()) }
        lines += help.map { Line([Span(" ")] + $0.spans) }
        lines = lines.map { clip($0, to: width) }.map { Line($0.spans.map { Span(glyphs.drawable($0.text), $0.style) }) }
        return Screen(width: width, height: height, lines: lines, cursor: cursor, softWrapped: softWrapped)
    }

    // MARK: Frame

    private func header(width: Int) -> Line {
        let place = state.isSandbox ? WizardText.sandboxPlace : ((try? state.chosenService().get())?.displayName ?? WizardText.somePlace)
        let left = WizardText.title(place: place, separator: glyphs.separator)
        let right = stepLabel.map { "\($0) " } ?? ""
        // A column between the title and the step, also when the title is cut ("connect an…step 2" read as one word).
        let room = width - TextWidth.of(right) - (right.isEmpty ? 0 : 1)
        let title = TextWidth.truncate(left, to: room, ellipsis: glyphs.ellipsis)
        let padding = String(repeating: " ", count: max(0, room - TextWidth.of(title)) + (right.isEmpty ? 0 : 1))
        return Line([Span(title + padding + right, .title)])
    }

    private var stepLabel: String? {
        let number: Int? = switch state.step {
        // The keep-or-replace question comes before the steps: a person who keeps takes none.
        case .checkingSaved, .existing: nil
        case .service, .customServer: 1
        case .apiKey: 2
        case .secret: 3
        case .fetchingToken, .authorize: 4
        case .saving, .done: 5
        case .problem: nil
        }
        return number.map { WizardText.stepLabel($0, of: 5) }
    }

    private func helpLines(width: Int, compact: Bool = false) -> [Line] {
        let bindings = KeyMap.bindings(on: state.showHelp ? .done : state.step, sandbox: state.isSandbox)
        let items = state.showHelp ? [[Span(WizardText.closeHelpKey, .key), Span(" " + WizardText.closeHelp, .dim)]] : bindings.map { binding in
            compact && binding.action != .toggleHelp ? [Span(glyphs.key(binding.label), .key)] : [Span(glyphs.key(binding.label), .key), Span(" " + binding.help, .dim)]
        }
        var lines: [Line] = []
        var current: [Span] = []
        var used = 0
        for item in items {
            let itemWidth = item.reduce(0) { $0 + TextWidth.of($1.text) }
            let separator = current.isEmpty ? 0 : TextWidth.of(glyphs.separator)
            if used + separator + itemWidth > width, !current.isEmpty {
                lines.append(Line(current))
                current = []
                used = 0
            }
            if !current.isEmpty { current.append(Span(glyphs.separator, .dim)); used += separator }
            current += item
            used += itemWidth
        }
        if !current.isEmpty { lines.append(Line(current)) }
        return lines
    }

    private func tooSmall(width: Int, height: Int) -> Screen {
        var lines = Array(repeating: Line(), count: max(height, 0))
        let message = WizardText.tooSmall(need: (Self.minimumWidth, Self.minimumHeight), have: (width, height))
        let top = max(0, (height - message.count) / 2)
        for (offset, text) in message.enumerated() where top + offset < height {
            let shown = TextWidth.truncate(text, to: width, ellipsis: glyphs.ellipsis)
            let left = max(0, (width - TextWidth.of(shown)) / 2)
            lines[top + offset] = Line(String(repeating: " ", count: left) + shown, offset == 0 ? .error : .normal)
        }
        return Screen(width: width, height: height, lines: lines, cursor: nil)
    }

    /// Cuts a line to `width` columns so nothing is drawn outside the window.
    private func clip(_ line: Line, to width: Int) -> Line {
        var used = 0
        var spans: [Span] = []
        for span in line.spans {
            let spanWidth = TextWidth.of(span.text)
            if used + spanWidth <= width {
                spans.append(span)
                used += spanWidth
                continue
            }
            var text = ""
            for character in span.text {
                let columns = TextWidth.of(character)
                if used + columns > width { break }
                text.append(character)
                used += columns
            }
            if !text.isEmpty { spans.append(Span(text, span.style)) }
            break
        }
        return Line(spans)
    }
}

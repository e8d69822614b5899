import LastFMAuth

/// Turns a state and a terminal size into a `Screen`. Pure: the same input draws the same screen.
public struct WizardView {
    /// The smallest terminal the wizard works in; below it a "too small" notice is shown.
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public let state: WizardState
    /// The authorize URL's QR code, shown when there is room.
    public let qrCode: QRCode?
    /// Unicode, or ASCII for terminals that cannot draw it.
    public let glyphs: Glyphs

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

        init(_ line: Line, optional: Bool = false, cursorColumn: Int? = nil, flush: Bool = false, group: String? = nil) {
            self.line = line
            self.optional = optional
            self.cursorColumn = cursorColumn
            self.flush = flush
            self.group = group
        }
    }

    public func render(width: Int, height: Int) -> Screen {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return tooSmall(width: width, height: height) }
        let inner = width - 2
        var help = helpLines(width: inner)
        if help.count > 3 { help = Array(help.prefix(3)) }
        let bodyHeight = height - 2 - help.count
        var rows = state.showHelp ? helpScreen(width: inner) : body(width: inner, height: bodyHeight)
        // Short terminal: drop spacing first, then optional paragraphs (whole), from the bottom up.
        while rows.count > bodyHeight, let index = rows.lastIndex(where: { $0.optional && $0.group == nil }) { rows.remove(at: index) }
        while rows.count > bodyHeight, let group = rows.last(where: { $0.optional })?.group {
            rows.removeAll { $0.optional && $0.group == group }
        }
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
        let place = state.isSandbox ? "the built-in sandbox" : ((try? state.chosenService().get())?.displayName ?? "a server")
        let left = " lastfm-auth\(glyphs.separator)connect an application to \(place)"
        let right = stepLabel.map { "\($0) " } ?? ""
        let room = width - TextWidth.of(right)
        let title = TextWidth.truncate(left, to: room, ellipsis: glyphs.ellipsis)
        let padding = String(repeating: " ", count: max(0, room - TextWidth.of(title)))
        return Line([Span(title + padding + right, .title)])
    }

    private var stepLabel: String? {
        let number: Int? = switch state.step {
        case .existing, .service, .customServer: 1
        case .apiKey: 2
        case .secret: 3
        case .fetchingToken, .authorize: 4
        case .saving, .done: 5
        case .problem: nil
        }
        return number.map { "step \($0) of 5" }
    }

    private func helpLines(width: Int) -> [Line] {
        let bindings = KeyMap.bindings(on: state.showHelp ? .done : state.step, sandbox: state.isSandbox)
        let items = state.showHelp ? [[Span("any key", .key), Span(" close help", .dim)]] : bindings.map { [Span(glyphs.key($0.label), .key), Span(" " + $0.help, .dim)] }
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
        let message = ["Terminal too small", "need \(Self.minimumWidth)x\(Self.minimumHeight)", "have \(width)x\(height)", "Ctrl-C quits"]
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

    // MARK: Steps

    private func body(width: Int, height: Int) -> [Row] {
        switch state.step {
        case .existing: existingBody(width: width)
        case .service: serviceBody(width: width)
        case .customServer: customBody(width: width)
        case .apiKey: keyBody(width: width)
        case .secret: secretBody(width: width)
        case .fetchingToken: fetchingBody(width: width)
        case .authorize: authorizeBody(width: width, height: height)
        case .saving: [Row(Line("\(spinner) Approved. Saving the session..."))]
        case .done: doneBody(width: width)
        case .problem: problemBody(width: width)
        }
    }

    private var spinner: String { glyphs.spinner[state.spinner % glyphs.spinner.count] }

    /// `text` word-wrapped to `width` after `indent` spaces, as one group of rows.
    private func paragraph(_ text: String, width: Int, style: Style = .normal, optional: Bool = false, indent: Int = 0) -> [Row] {
        let margin = String(repeating: " ", count: indent)
        return TextWidth.wrap(text, width: width - indent).map { Row(Line(margin + $0, style), optional: optional, group: text) }
    }

    private var blank: Row { Row(Line(), optional: true) }

    private func existingBody(width: Int) -> [Row] {
        paragraph("Saved session found", width: width, style: .heading)
            + [blank]
            + paragraph("Profile \"\(state.profileName)\" already holds a session for \(state.existingUsername ?? "someone").", width: width)
            + paragraph("Keep it, or replace it with a new one?", width: width)
            + terminalNoteRows(width: width)
    }

    private func terminalNoteRows(width: Int) -> [Row] {
        guard let note = state.terminalNote else { return [] }
        return [blank] + paragraph(note, width: width, style: .dim, optional: true)
    }

    private func serviceBody(width: Int) -> [Row] {
        var rows = paragraph("Which service is the account on?", width: width, style: .heading) + [blank]
        for (index, option) in state.serviceOptions.enumerated() {
            let chosen = option == state.selectedService
            rows.append(Row(Line([Span(chosen ? "> " : "  ", .selected), Span("\(index + 1)  \(option.title)", chosen ? .selected : .normal)])))
            rows += paragraph(option.detail, width: width, style: .dim, optional: true, indent: 5)
        }
        return rows + terminalNoteRows(width: width)
    }

    private func customBody(width: Int) -> [Row] {
        var rows = paragraph("Your server's addresses", width: width, style: .heading) + [blank]
        rows += paragraph("API root (where /2.0/ answers), such as https://gnufm.example.org/2.0/", width: width, style: .dim, optional: true)
        rows.append(fieldRow(state.customRoot, masked: false, focused: state.customFocus == 0, width: width))
        rows.append(blank)
        rows += paragraph("Authorize page, such as https://gnufm.example.org/api/auth/", width: width, style: .dim, optional: true)
        rows.append(fieldRow(state.customAuthPage, masked: false, focused: state.customFocus == 1, width: width))
        if let message = state.fieldMessage { rows += paragraph(message, width: width, style: .error) }
        return rows
    }

    private func keyBody(width: Int) -> [Row] {
        var rows = paragraph("API key", width: width, style: .heading) + [blank]
        let hint = state.selectedService == .lastfm
            ? "The 32-character key of your API account. No account yet? Create one at https://www.last.fm/api/account/create"
            : "The 32-character key of your API account."
        rows += paragraph(hint, width: width, style: .dim, optional: true) + [blank]
        rows.append(fieldRow(state.apiKey, masked: false, focused: true, width: width))
        rows += validation(for: state.apiKey.text, width: width)
        return rows
    }

    private func secretBody(width: Int) -> [Row] {
        var rows = paragraph("Shared secret", width: width, style: .heading) + [blank]
        rows += paragraph("Shown next to the key on your API account page. It is only stored in your credentials file.", width: width, style: .dim, optional: true) + [blank]
        rows.append(fieldRow(state.secret, masked: !state.secretRevealed, focused: true, width: width))
        rows += validation(for: state.secret.text, width: width)
        return rows
    }

    /// The inline check under a key or secret field, or the message from the last attempt.
    private func validation(for text: String, width: Int) -> [Row] {
        if let message = state.fieldMessage { return paragraph(message, width: width, style: .error, indent: 2) }
        switch Credential.normalize(text) {
        case .success: return [Row(Line("  \(glyphs.ok) 32 of 32 characters", .success))]
        case .failure(.empty): return [Row(Line("  32 characters, 0-9 and a-f", .dim))]
        case .failure(.wrongLength(let count)): return [Row(Line("  \(count) of 32 characters", .dim))]
        case .failure(.notHex(let character)):
            let shown = Sanitizer.clean(String(character)).isEmpty || character == " " ? "a space or control character" : "'\(character)'"
            return paragraph("\(glyphs.cross) \(shown) is not allowed: only 0-9 and a-f", width: width, style: .error, indent: 2)
        }
    }

    /// A one-line input field that scrolls sideways to keep the cursor in view.
    private func fieldRow(_ field: TextField, masked: Bool, focused: Bool, width: Int) -> Row {
        let characters = Array(masked ? String(repeating: glyphs.mask, count: field.text.count) : field.text)
        let room = max(1, width - 3)
        // Scroll by columns, not characters (wide ones take two): drop characters on the left until
        // the text before the cursor leaves a column for the cursor itself.
        let cursor = min(field.cursor, characters.count)
        var start = 0
        var before = TextWidth.of(String(characters[..<cursor]))
        while before > room - 1, start < cursor {
            before -= TextWidth.of(characters[start])
            start += 1
        }
        var visible = ""
        var used = 0
        for character in characters[start...] {
            let columns = TextWidth.of(character)
            if used + columns > room { break }
            visible.append(character)
            used += columns
        }
        let padding = String(repeating: " ", count: max(0, room - used))
        return Row(Line([Span(focused ? "> " : "  ", .selected), Span(visible + padding, .field)]),
                   cursorColumn: focused ? 2 + before : nil)
    }

    private func fetchingBody(width: Int) -> [Row] {
        let host = (try? state.chosenService().get())?.apiRoot.host ?? "the server"
        var rows = [Row(Line("\(spinner) Asking \(host) for a request token..."))]
        if case .retrying(let problem, _, let delay)? = state.tokenRequest {
            rows.append(blank)
            rows += paragraph(Wording.tokenTrouble(problem, retryingIn: delay) + " (r tries now)", width: width, style: .error)
        }
        return rows
    }

    private func authorizeBody(width: Int, height: Int) -> [Row] {
        guard let grant = state.grant else { return [] }
        var rows = paragraph("Allow access", width: width, style: .heading)
        rows += paragraph("Open this address in a browser, sign in and allow access:", width: width, style: .dim, optional: true)
        rows.append(blank)
        // The URL from column 0, wrapped but never cut, so a mouse selection copies it whole.
        rows += TextWidth.hardWrap(grant.authorizeURL, width: width + 2).map { Row(Line($0, .field), flush: true) }
        rows.append(blank)
        rows += statusRows(width: width)
        if let notice = state.notice { rows += paragraph(notice, width: width, style: .dim, optional: true) }
        // After the notice: the newest news reads last.
        if state.possiblySpent {
            rows += paragraph(Wording.possiblySpent(after: state.tokenAge - grant.age, remedy: .key), width: width)
        }
        if state.isSandbox {
            rows += paragraph("Sandbox: the page above has Allow and Deny buttons; or press a to approve as sandbox-user.", width: width, style: .dim, optional: true)
        }
        if let qr = qrCode {
            let qrLines = qr.halfBlockLines()
            if rows.count + qrLines.count + 1 <= height, TextWidth.of(qrLines[0]) <= width {
                rows.append(blank)
                if glyphs.drawsBlocks {
                    rows += qrLines.map { Row(Line($0, .qr), optional: true) }
                } else {
                    // Where it would have been shown: say why it is not.
                    rows += paragraph("(No QR code: this terminal cannot draw its blocks.)", width: width, style: .dim, optional: true)
                }
            }
        }
        return rows
    }

    private func statusRows(width: Int) -> [Row] {
        let validity = Wording.validFor(state.tokenLifetime - state.tokenAge)
        switch state.wait {
        case .waiting(let last, let next)?:
            let checked: String
            if next - state.tokenAge < .seconds(1) { checked = "checking now" }
            else if let last { checked = "checked \(SpokenDuration.age(state.tokenAge - last)) ago" }
            else { checked = "checking in \(SpokenDuration.delay(next - state.tokenAge))" }
            return paragraph("\(spinner) Waiting for approval - \(checked)\(glyphs.separator)\(validity)", width: width)
        case .retrying(let problem, _, _, let next)?:
            let wait = max(.zero, next - state.tokenAge)
            return paragraph("\(spinner) \(Wording.waitTrouble(problem, checkingIn: wait)) Enter checks now\(glyphs.separator)\(validity)", width: width, style: .error)
        default:
            return paragraph("\(spinner) Waiting for approval\(glyphs.separator)\(validity)", width: width)
        }
    }

    private func doneBody(width: Int) -> [Row] {
        guard let session = state.session else { return [] }
        var rows = paragraph("\(glyphs.ok) Authorized as \(session.username)", width: width, style: .success) + [blank]
        if let error = state.saveError {
            rows += paragraph(Wording.saveFailed(error), width: width, style: .error)
            rows += paragraph("Your session key is shown when you exit, so it is not lost.", width: width)
        } else {
            rows += paragraph("Saved as profile \"\(state.profileName)\" in \(state.savedPath ?? "the credentials file").", width: width)
            rows.append(blank)
            rows += paragraph("Your app reads the session key from there (profiles.\(state.profileName).session_key). Add --print env or --print json to a run to also get the credentials on standard output.", width: width, style: .dim, optional: true)
        }
        return rows
    }

    private func problemBody(width: Int) -> [Row] {
        paragraph("\(glyphs.cross) \(state.problem ?? "Something went wrong.")", width: width, style: .error) + [blank]
            + paragraph("n gets a new token; Enter starts over from the API key.", width: width, style: .dim, optional: true)
    }

    private func helpScreen(width: Int) -> [Row] {
        var rows = paragraph("Keys on this step", width: width, style: .heading) + [blank]
        for binding in KeyMap.bindings(on: state.step, sandbox: state.isSandbox) {
            let label = glyphs.key(binding.label)
            rows.append(Row(Line([Span(label + String(repeating: " ", count: max(1, 8 - TextWidth.of(label))), .key), Span(binding.help)])))
        }
        rows.append(blank)
        rows += paragraph("Ctrl-C quits at any time; the terminal is restored. Ctrl-L redraws the screen. Paste works in every field.", width: width, style: .dim, optional: true)
        return rows
    }
}

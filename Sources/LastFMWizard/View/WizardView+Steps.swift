import LastFMAuth

/// The body of each step: what is between the title and the key help. Rows, not lines: the frame
/// (`render`) drops optional rows when the terminal is short.
extension WizardView {
    func body(width: Int, height: Int) -> [Row] {
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

    var spinner: String { glyphs.spinner[state.spinner % glyphs.spinner.count] }

    /// `text` word-wrapped to `width` after `indent` spaces, as one group of rows.
    func paragraph(_ text: String, width: Int, style: Style = .normal, optional: Bool = false, indent: Int = 0) -> [Row] {
        let margin = String(repeating: " ", count: indent)
        return TextWidth.wrap(text, width: width - indent).map { Row(Line(margin + $0, style), optional: optional, group: text) }
    }

    var blank: Row { Row(Line(), optional: true) }

    func existingBody(width: Int) -> [Row] {
        paragraph("Saved session found", width: width, style: .heading)
            + [blank]
            + paragraph("Profile \"\(state.profileName)\" already holds a session for \(state.existingUsername ?? "someone").", width: width)
            + paragraph("Keep it, or replace it with a new one?", width: width)
            + terminalNoteRows(width: width)
    }

    func terminalNoteRows(width: Int) -> [Row] {
        guard let note = state.terminalNote else { return [] }
        return [blank] + paragraph(note, width: width, style: .dim, optional: true)
    }

    func serviceBody(width: Int) -> [Row] {
        var rows = paragraph("Which service is the account on?", width: width, style: .heading) + [blank]
        for (index, option) in state.serviceOptions.enumerated() {
            let chosen = option == state.selectedService
            rows.append(Row(Line([Span(chosen ? "> " : "  ", .selected), Span("\(index + 1)  \(option.title)", chosen ? .selected : .normal)])))
            rows += paragraph(option.detail, width: width, style: .dim, optional: true, indent: 5)
        }
        return rows + terminalNoteRows(width: width)
    }

    func customBody(width: Int) -> [Row] {
        var rows = paragraph("Your server's addresses", width: width, style: .heading) + [blank]
        rows += paragraph("API root (where /2.0/ answers), such as https://gnufm.example.org/2.0/", width: width, style: .dim, optional: true)
        rows.append(fieldRow(state.customRoot, masked: false, focused: state.customFocus == 0, width: width))
        rows.append(blank)
        rows += paragraph("Authorize page, such as https://gnufm.example.org/api/auth/ (left empty: /api/auth/ on the API root's host)", width: width, style: .dim, optional: true)
        rows.append(fieldRow(state.customAuthPage, masked: false, focused: state.customFocus == 1, width: width))
        if let message = state.fieldMessage { rows += paragraph(message, width: width, style: .error) }
        return rows
    }

    func keyBody(width: Int) -> [Row] {
        var rows = paragraph("API key", width: width, style: .heading) + [blank]
        let hint = state.selectedService == .lastfm
            ? "The 32-character key of your API account. No account yet? Create one at https://www.last.fm/api/account/create"
            : "The 32-character key of your API account."
        rows += paragraph(hint, width: width, style: .dim, optional: true)
        if state.mayGoWithoutAPIAccount, let service = try? state.chosenService().get() {
            rows += paragraph(Wording.withoutAPIAccount(service, keyStep: true), width: width)
        }
        rows.append(blank)
        rows.append(fieldRow(state.apiKey, masked: false, focused: true, width: width))
        rows += validation(for: state.apiKey.text, width: width)
        return rows
    }

    func secretBody(width: Int) -> [Row] {
        var rows = paragraph("Shared secret", width: width, style: .heading) + [blank]
        rows += paragraph("Shown next to the key on your API account page. It stays on this machine, in your keyring or credentials file.", width: width, style: .dim, optional: true) + [blank]
        rows.append(fieldRow(state.secret, masked: !state.secretRevealed, focused: true, width: width))
        rows += validation(for: state.secret.text, width: width)
        return rows
    }

    /// The inline check under a key or secret field, or the message from the last attempt.
    func validation(for text: String, width: Int) -> [Row] {
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
    func fieldRow(_ field: TextField, masked: Bool, focused: Bool, width: Int) -> Row {
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

    /// Said while a made-up key and secret are in use, so the person knows no API account is involved.
    func madeUpCredentialsRows(width: Int) -> [Row] {
        guard state.madeUpCredentials, let service = try? state.chosenService().get() else { return [] }
        return paragraph(Wording.madeUpCredentials(service), width: width, style: .dim, optional: true)
    }

    func fetchingBody(width: Int) -> [Row] {
        let host = (try? state.chosenService().get())?.apiRoot.host ?? "the server"
        var rows = paragraph("\(spinner) Asking \(host) for a request token...", width: width) + madeUpCredentialsRows(width: width)
        if case .retrying(let problem, _, let delay)? = state.tokenRequest {
            rows.append(blank)
            rows += paragraph(Wording.tokenTrouble(problem, retryingIn: delay), width: width, style: .error)
        }
        return rows
    }

    func authorizeBody(width: Int, height: Int) -> [Row] {
        guard let grant = state.grant else { return [] }
        var rows = paragraph("Allow access", width: width, style: .heading)
        rows += paragraph("Open this address in a browser, sign in and allow access:", width: width, style: .dim, optional: true)
        rows.append(blank)
        // The URL from column 0, wrapped but never cut, so a mouse selection copies it whole.
        rows += TextWidth.hardWrap(grant.authorizeURL, width: width + 2).map { Row(Line($0, .field), flush: true) }
        rows.append(blank)
        rows += statusRows(width: width)
        rows += madeUpCredentialsRows(width: width)
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

    func statusRows(width: Int) -> [Row] {
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
            return paragraph("\(spinner) \(Wording.waitTrouble(problem, checkingIn: wait))\(glyphs.separator)\(validity)", width: width, style: .error)
        default:
            return paragraph("\(spinner) Waiting for approval\(glyphs.separator)\(validity)", width: width)
        }
    }

    func doneBody(width: Int) -> [Row] {
        guard let session = state.session else { return [] }
        var rows = paragraph("\(glyphs.ok) Authorized as \(session.username)", width: width, style: .success) + [blank]
        if let error = state.saveError {
            rows += paragraph(Wording.saveFailed(error), width: width, style: .error)
            rows += paragraph("Your session key is shown when you exit, so it is not lost.", width: width)
        } else {
            rows += paragraph("Saved as profile \"\(state.profileName)\" in \(state.savedPath ?? "the credentials file").", width: width)
            if let secrets = state.savedSecrets { rows += paragraph(Wording.secretsSaved(secrets), width: width) }
            rows.append(blank)
            rows += paragraph(Wording.sessionKeyHint(profile: state.profileName, place: state.savedSecrets?.place ?? .file), width: width, style: .dim, optional: true)
        }
        return rows
    }

    func problemBody(width: Int) -> [Row] {
        paragraph("\(glyphs.cross) \(state.problem ?? "Something went wrong.")", width: width, style: .error) + [blank]
            + paragraph("n gets a new token; Enter starts over from the API key.", width: width, style: .dim, optional: true)
    }

    func helpScreen(width: Int) -> [Row] {
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

import LastFMAuth

/// The body of each step: what is between the title and the key help. Rows, not lines: the frame
/// (`render`) drops optional rows when the terminal is short.
extension WizardView {
    func body(width: Int, height: Int) -> [Row] {
        switch state.step {
        case .checkingSaved: checkingSavedBody(width: width)
        case .existing: existingBody(width: width)
        case .service: serviceBody(width: width)
        case .customServer: customBody(width: width)
        case .apiKey: keyBody(width: width)
        case .secret: secretBody(width: width)
        case .fetchingToken: fetchingBody(width: width)
        case .authorize: authorizeBody(width: width, height: height)
        case .saving: [Row(Line("\(spinner) \(WizardText.saving)"))]
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

    /// A step's title, which gives way (`Row.lastResort`) to the message and remedy under the field.
    func title(_ text: String, width: Int) -> [Row] {
        paragraph(text, width: width, style: .heading).map { row in
            var row = row
            row.lastResort = true
            return row
        }
    }

    var blank: Row { Row(Line(), optional: true) }

    func checkingSavedBody(width: Int) -> [Row] {
        paragraph(WizardText.existingTitle, width: width, style: .heading)
            + [blank]
            + paragraph("\(spinner) " + Wording.checkingSavedSession(profile: state.profileName, username: state.existingUsername ?? ""),
                        width: width)
            + terminalNoteRows(width: width)
    }

    func existingBody(width: Int) -> [Row] {
        paragraph(WizardText.existingTitle, width: width, style: .heading)
            + [blank]
            + paragraph(state.savedNote ?? Wording.existingSession(profile: state.profileName, username: state.existingUsername ?? ""), width: width)
            + paragraph(WizardText.keepOrReplace, width: width)
            + terminalNoteRows(width: width)
    }

    /// The first screens' notes: what the run decided at its start, and how the terminal is drawn.
    func terminalNoteRows(width: Int) -> [Row] {
        let notes = [state.startNote, state.terminalNote].compactMap { $0 }
        guard !notes.isEmpty else { return [] }
        return notes.flatMap { [blank] + paragraph($0, width: width, style: .dim, optional: true) }
    }

    func serviceBody(width: Int) -> [Row] {
        var rows = paragraph(WizardText.serviceTitle, width: width, style: .heading) + [blank]
        for (index, option) in state.serviceOptions.enumerated() {
            let chosen = option == state.selectedService
            rows.append(Row(Line([Span(chosen ? "> " : "  ", .selected), Span("\(index + 1)  \(option.title)", chosen ? .selected : .normal)])))
            rows += paragraph(option.detail, width: width, style: .dim, optional: true, indent: 5)
        }
        return rows + terminalNoteRows(width: width)
    }

    func customBody(width: Int) -> [Row] {
        var rows = title(WizardText.customTitle, width: width) + [blank]
        rows += paragraph(WizardText.customRootHelp, width: width, style: .dim, optional: true)
        rows.append(fieldRow(state.customRoot, masked: false, focused: state.customFocus == 0, width: width))
        rows.append(blank)
        rows += paragraph(WizardText.customAuthPageHelp, width: width, style: .dim, optional: true)
        var authPage = fieldRow(state.customAuthPage, masked: false, focused: state.customFocus == 1, width: width)
        authPage.lastResort = state.customFocus != 1
        rows.append(authPage)
        if state.probingAddress, let service = try? state.chosenService().get() {
            rows += paragraph("\(spinner) " + Wording.checkingAddress(service.apiRoot), width: width)
        }
        if let message = state.fieldMessage { rows += paragraph(message, width: width, style: .error) }
        return rows
    }

    func keyBody(width: Int) -> [Row] {
        var rows = title(WizardText.keyTitle, width: width) + [blank]
        rows += paragraph(WizardText.keyHelp(accountPage: (try? state.chosenService().get())?.known?.accountPage), width: width, style: .dim, optional: true)
        if state.mayGoWithoutAPIAccount, let service = try? state.chosenService().get() {
            rows += paragraph(Wording.withoutAPIAccount(service, keyStep: true), width: width)
        }
        if let note = state.appNote { rows += paragraph(note, width: width) }
        if let note = state.startNote { rows += paragraph(note, width: width, style: .dim, optional: true) }
        rows.append(blank)
        rows.append(fieldRow(state.apiKey, masked: false, focused: true, width: width))
        rows += validation(for: state.apiKey.text, width: width)
        return rows
    }

    func secretBody(width: Int) -> [Row] {
        var rows = title(WizardText.secretTitle, width: width) + [blank]
        rows += paragraph(WizardText.secretHelp, width: width, style: .dim, optional: true)
        if state.mayGoWithoutAPIAccount, let service = try? state.chosenService().get() {
            rows += paragraph(Wording.withoutSecret(service), width: width)
        }
        if let note = state.appNote { rows += paragraph(note, width: width) }
        if let note = state.startNote { rows += paragraph(note, width: width, style: .dim, optional: true) }
        rows.append(blank)
        rows.append(fieldRow(state.secret, masked: !state.secretRevealed, focused: true, width: width))
        rows += validation(for: state.secret.text, width: width)
        return rows
    }

    /// The inline check under a key or secret field, or the message from the last attempt.
    func validation(for text: String, width: Int) -> [Row] {
        if let message = state.fieldMessage { return paragraph(message, width: width, style: .error, indent: 2) }
        switch Credential.normalize(text) {
        case .success: return [Row(Line("  \(glyphs.ok) \(WizardText.fieldComplete)", .success))]
        case .failure(.empty): return [Row(Line("  " + WizardText.fieldFormat, .dim))]
        case .failure(.wrongLength(let count)): return [Row(Line("  " + WizardText.fieldLength(count), .dim))]
        case .failure(.notHex(let character)):
            let shown = Sanitizer.clean(String(character)).isEmpty || character == " " ? nil : String(character)
            return paragraph("\(glyphs.cross) \(WizardText.fieldCharacter(shown))", width: width, style: .error, indent: 2)
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

    /// Said while a made-up key and secret are in use, so the person knows no API account is involved;
    /// and what the run decided at its start (a saved session replaced, an earlier token taken up).
    func madeUpCredentialsRows(width: Int) -> [Row] {
        let start = state.startNote.map { paragraph($0, width: width, style: .dim, optional: true) } ?? []
        guard state.madeUpCredentials || state.madeUpSecret, let service = try? state.chosenService().get() else { return start }
        let sentence = state.madeUpCredentials ? Wording.madeUpCredentials(service, resumed: state.resumedMadeUpCredentials) : Wording.madeUpSecret(service)
        return paragraph(sentence, width: width, style: .dim, optional: true) + start
    }

    func fetchingBody(width: Int) -> [Row] {
        let host = (try? state.chosenService().get())?.apiRoot.host ?? WizardText.somePlace
        var rows = paragraph("\(spinner) \(Wording.askingForToken(host: host))", width: width) + madeUpCredentialsRows(width: width)
        if let notice = state.notice { rows += paragraph(notice, width: width, style: .dim, optional: true) }
        if let request = state.tokenRequest, case .retrying(let problem, _, let delay) = request {
            rows.append(blank)
            let remedy: Wording.AddressRemedy? = FlowRules.addressMayBeWrong(request, facts: state.facts) ? .key : nil
            // Counts down to the next try; at least 1 s while that try is on its way.
            let left = max(.seconds(1), delay - state.sinceTrouble)
            rows += paragraph(Wording.tokenTrouble(problem, retryingIn: left, addressRemedy: remedy), width: width, style: .error)
        }
        return rows
    }

    func authorizeBody(width: Int, height: Int) -> [Row] {
        guard let grant = state.grant else { return [] }
        var rows = paragraph(WizardText.authorizeTitle, width: width, style: .heading)
        if let service = try? state.chosenService().get() {
            rows += paragraph(Wording.openThePage(service), width: width, style: .dim, optional: true)
        }
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
            rows += paragraph(Wording.sandboxApproveHint(.key), width: width, style: .dim, optional: true)
        }
        if let qr = qrCode {
            let qrLines = qr.halfBlockLines()
            if rows.count + qrLines.count + 1 <= height, TextWidth.of(qrLines[0]) <= width {
                rows.append(blank)
                if glyphs.drawsBlocks {
                    rows += qrLines.map { Row(Line($0, .qr), optional: true) }
                } else {
                    // Where it would have been shown: say why it is not.
                    rows += paragraph(WizardText.noQRCode, width: width, style: .dim, optional: true)
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
            if next - state.tokenAge < .seconds(1) { checked = WizardText.checkingNowShort }
            else if let last { checked = WizardText.checked(ago: state.tokenAge - last) }
            else { checked = WizardText.checking(in: next - state.tokenAge) }
            return paragraph("\(spinner) " + (WizardText.waiting(checked) + [validity]).joined(separator: glyphs.separator), width: width)
        case .retrying(let problem, _, _, let next)?:
            let wait = max(.zero, next - state.tokenAge)
            return paragraph("\(spinner) \(Wording.waitTrouble(problem, checkingIn: wait, tokenLeft: state.tokenLifetime - state.tokenAge))", width: width, style: .error)
        default:
            return paragraph("\(spinner) " + (WizardText.waiting(nil) + [validity]).joined(separator: glyphs.separator), width: width)
        }
    }

    func doneBody(width: Int) -> [Row] {
        guard let session = state.session else { return [] }
        var rows = paragraph(L("{ok} Authorized as {username}", ["ok": "\(glyphs.ok)", "username": "\(session.username)"]), width: width, style: .success) + [blank]
        switch state.saveResult {
        case .failure(let error)?:
            rows += paragraph(Wording.saveFailed(error.description), width: width, style: .error)
            rows += paragraph(WizardText.keyShownOnExit, width: width)
        case .success(let secrets)?:
            // The keyring's window waits for the person: what to do there comes first, even at 40x12.
            if let request = state.keyringPrompt {
                rows += paragraph(Wording.keyringPrompt(request, keepKey: "Esc"), width: width, style: .heading) + [blank]
            }
            rows += paragraph(Wording.saved(profile: state.profileName, path: state.savedPath ?? ""), width: width)
            rows += paragraph(Wording.secretsSaved(secrets), width: width)
            if state.keyringPrompt == nil, let answer = state.keyringAnswer {
                rows.append(blank)
                rows += paragraph(Wording.keyringAnswered(answer, profile: state.profileName), width: width, style: answer == .moved ? .success : .normal)
            }
            rows.append(blank)
            rows += paragraph(Wording.sessionKeyHint(profile: state.profileName, place: secrets.place, printing: state.printing, handingTo: state.handingTo), width: width, style: .dim, optional: true)
        case nil:
            break
        }
        return rows
    }

    func problemBody(width: Int) -> [Row] {
        paragraph("\(glyphs.cross) \(state.problem ?? WizardText.somethingWrong)", width: width, style: .error) + [blank]
            + paragraph(WizardText.problemRemedy, width: width, style: .dim, optional: true)
    }

    func helpScreen(width: Int) -> [Row] {
        var rows = paragraph(WizardText.helpTitle, width: width, style: .heading) + [blank]
        for binding in KeyMap.bindings(on: state.step, sandbox: state.isSandbox) {
            let label = glyphs.key(binding.label)
            rows.append(Row(Line([Span(label + String(repeating: " ", count: max(1, 8 - TextWidth.of(label))), .key), Span(binding.help)])))
        }
        rows.append(blank)
        rows += paragraph(state.step.hasField ? WizardText.helpFooterWithField : WizardText.helpFooter, width: width, style: .dim, optional: true)
        return rows
    }
}

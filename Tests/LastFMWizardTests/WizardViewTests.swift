import LastFMAuth
import LastFMWizard
import Testing

@Suite("The wizard's views at 80x24, 120x40, 40x12 and 20x6")
struct WizardViewTests {
    static let sizes = [(80, 24), (120, 40), (40, 12), (20, 6)]

    static func screens() -> [(String, WizardState)] {
        var existing = WizardState(profileName: "default", existingUsername: "山田太郎")
        existing.step = .existing
        var keyTyping = Fixtures.state(.apiKey)
        keyTyping.apiKey.set("0123456789abcdeg")
        var secretRevealed = Fixtures.state(.secret)
        secretRevealed.secretRevealed = true
        var retrying = Fixtures.authorizing()
        _ = WizardReducer.reduce(&retrying, .waitChanged(.retrying(problem: .httpStatus(503, retryAfter: nil), failures: 1, lastCheck: .seconds(600), nextCheck: .seconds(606))))
        var done = Fixtures.authorizing()
        _ = WizardReducer.reduce(&done, .waitChanged(.authorized(Session(username: "山田太郎", key: Fixtures.session.key))))
        _ = WizardReducer.reduce(&done, .saved(path: "/home/yamada/.config/lastfm-auth/credentials.json", secrets: SavedSecrets(place: .keyring)))
        var problem = Fixtures.authorizing()
        _ = WizardReducer.reduce(&problem, .waitChanged(.expired))
        var help = Fixtures.authorizing()
        _ = WizardReducer.reduce(&help, .key(.character("?")))
        var checking = WizardState(profileName: "default", existingUsername: "山田太郎")
        checking.step = .checkingSaved
        var saving = Fixtures.authorizing()
        _ = WizardReducer.reduce(&saving, .waitChanged(.authorized(Session(username: "山田太郎", key: Fixtures.session.key))))
        var saveFailed = saving
        _ = WizardReducer.reduce(&saveFailed, .saveFailed(.system(path: "/home/yamada/.config/lastfm-auth/credentials.json", operation: .write, message: "No space left on device")))
        var keyringAsks = saving
        _ = WizardReducer.reduce(&keyringAsks, .saved(path: "/home/yamada/.config/lastfm-auth/credentials.json",
                                                      secrets: SavedSecrets(place: .file, keyringProblem: .locked(L("its password is needed to unlock it")))))
        keyringAsks.keyringPrompt = .unlock
        var keyringAnswered = keyringAsks
        _ = WizardReducer.reduce(&keyringAnswered, .keyringAnswered(.dismissed))
        var address = Fixtures.state(.customServer)
        address.customRoot.set(Self.typedAddress)
        address.fieldMessage = Wording.tokenRefused(.transport(TransportError(.handshake, Self.handshakeFailure)), apiRoot: try? WebAddress(Self.typedAddress))
        return [
            ("existing", existing), ("service", WizardState(profileName: "default")), ("key-invalid", keyTyping),
            ("secret", Fixtures.state(.secret)), ("secret-revealed", secretRevealed), ("authorize", Fixtures.authorizing()),
            ("authorize-sandbox", Fixtures.authorizing(sandbox: true)), ("retrying", retrying), ("done", done),
            ("problem", problem), ("help", help), ("address", address), ("checking", checking),
            ("fetching", Fixtures.state(.fetchingToken)), ("saving", saving), ("save-failed", saveFailed),
            ("keyring-asks", keyringAsks), ("keyring-answered", keyringAnswered),
        ]
    }

    /// An HTTPS address on this machine where a plain HTTP server answers, and curl's failure there.
    static let typedAddress = "https://127.0.0.1:18080/2.0/"
    static let handshakeFailure = "the secure connection to 127.0.0.1 could not be set up: the TLS handshake failed, so it may not be an HTTPS server"

    /// The http:// address the message about `typedAddress` offers.
    static var offeredAddress: String {
        "http" + typedAddress.dropFirst("https".count)
    }

    @Test("snapshots of every step at every size")
    func snapshots() throws {
        for (name, state) in Self.screens() {
            for (width, height) in Self.sizes {
                let qr = name.hasPrefix("authorize") ? Fixtures.qr : nil
                try assertSnapshot(WizardView(state: state, qrCode: qr).render(width: width, height: height), named: "\(name)-\(width)x\(height)")
            }
        }
    }

    @Test("snapshots of every step in ASCII (LC_ALL=C, the Linux console, --ascii) at 80x24, 120x40 and 40x12")
    func asciiSnapshots() throws {
        for (name, state) in Self.screens() {
            for (width, height) in Self.sizes.dropLast() {
                let qr = name.hasPrefix("authorize") ? Fixtures.qr : nil
                let screen = WizardView(state: state, qrCode: qr, glyphs: .ascii).render(width: width, height: height)
                let onlyASCII = screen.text.unicodeScalars.allSatisfy { $0.isASCII }
                #expect(onlyASCII, "\(name)-\(width)x\(height): only ASCII reaches the screen")
                try assertSnapshot(screen, named: "\(name)-ascii-\(width)x\(height)")
            }
        }
    }

    @Test("the glyph set follows the locale's codeset, the console, and --ascii")
    func glyphChoice() {
        #expect(Glyphs.choose(codeset: "UTF-8", term: "xterm-256color", forced: false) == .unicode)
        #expect(Glyphs.choose(codeset: "utf8", term: "tmux-256color", forced: false) == .unicode)
        #expect(Glyphs.choose(codeset: "ANSI_X3.4-1968", term: "xterm-256color", forced: false) == .ascii, "LC_ALL=C")
        #expect(Glyphs.choose(codeset: "ISO-8859-1", term: "xterm", forced: false) == .ascii)
        #expect(Glyphs.choose(codeset: "UTF-8", term: "linux", forced: false) == .ascii, "the Linux console's fonts")
        #expect(Glyphs.choose(codeset: "UTF-8", term: "vt100", forced: false) == .ascii)
        #expect(Glyphs.choose(codeset: "UTF-8", term: "xterm-256color", forced: true) == .ascii, "--ascii")
        #expect(Glyphs.ascii.drawable("山田 é ok") == "???? ? ok", "one ? per column, so widths still hold")
        #expect(Glyphs.ascii.key("↑↓") == "^v")
        let spinnerWidths = (Glyphs.ascii.spinner + Glyphs.unicode.spinner).map { TextWidth.of($0) }
        #expect(spinnerWidths.allSatisfy { $0 == 1 })
    }

    @Test("nothing is drawn outside the window, at any size from 1x1 to 130x45, in both glyph sets", arguments: [Glyphs.unicode, .ascii])
    func staysInside(glyphs: Glyphs) {
        for (_, state) in Self.screens() {
            for width in stride(from: 1, through: 130, by: 7) {
                for height in stride(from: 1, through: 45, by: 4) {
                    let screen = WizardView(state: state, qrCode: Fixtures.qr, glyphs: glyphs).render(width: width, height: height)
                    #expect(screen.lines.count == height)
                    #expect(screen.lines.allSatisfy { $0.width <= width }, "\(width)x\(height)")
                    if let cursor = screen.cursor {
                        #expect(cursor.row < height && cursor.column < width)
                    }
                }
            }
        }
    }

    @Test("the authorize URL is shown whole, never cut, at every usable size")
    func wholeURL() {
        for width in 40...130 {
            for height in [12, 16, 24, 40] {
                let screen = WizardView(state: Fixtures.authorizing(sandbox: true), qrCode: Fixtures.qr).render(width: width, height: height)
                let joined = screen.lines.map { $0.spans.map(\.text).joined() }.joined()
                #expect(joined.contains(Fixtures.grant.authorizeURL), "\(width)x\(height)")
            }
        }
    }

    @Test("an address's message keeps its remedy whole (the http:// address to type) at every usable size: the title and the other field give way first")
    func addressRemedyWhole() throws {
        let typed = try WebAddress(Self.typedAddress)
        var state = Fixtures.state(.customServer)
        state.customRoot.set(typed.text)
        state.fieldMessage = Wording.tokenRefused(.transport(TransportError(.handshake, Self.handshakeFailure)), apiRoot: typed)
        for width in 40...100 {
            for height in [12, 16, 24] {
                let screen = WizardView(state: state).render(width: width, height: height)
                let words = screen.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" || $0 == "|" })
                #expect(words.contains(Substring(Self.offeredAddress)), "\(width)x\(height):\n\(screen.text)")
                #expect(screen.text.contains(typed.text), "\(width)x\(height): the field being edited stays")
            }
        }
    }

    @Test("the secret is masked unless revealed")
    func masking() {
        let masked = WizardView(state: Fixtures.state(.secret)).render(width: 80, height: 24)
        #expect(!masked.text.contains(Fixtures.secret))
        #expect(masked.text.contains(String(repeating: "•", count: 32)))
        var revealed = Fixtures.state(.secret)
        revealed.secretRevealed = true
        #expect(WizardView(state: revealed).render(width: 80, height: 24).text.contains(Fixtures.secret))
    }

    @Test("the QR code is shown when there is room, not at 80x24")
    func qrWhenRoom() {
        let state = Fixtures.authorizing()
        #expect(WizardView(state: state, qrCode: Fixtures.qr).render(width: 120, height: 40).text.contains("█"))
        #expect(!WizardView(state: state, qrCode: QRCode(size: 41, modules: Array(repeating: false, count: 41 * 41))).render(width: 80, height: 24).text.contains("█"))
    }

    @Test("wide characters take two columns")
    func wideCharacters() {
        #expect(TextWidth.of("山田") == 4)
        #expect(TextWidth.of("Zoë") == 3)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.hardWrap("山田太郎", width: 3) == ["山", "田", "太", "郎"])
        #expect(TextWidth.wrap("one two three", width: 7) == ["one two", "three"])
    }

    @Test("the help line comes from the key table")
    func helpFromTable() {
        let screen = WizardView(state: Fixtures.authorizing()).render(width: 120, height: 24)
        let last = screen.text.split(separator: "\n").last.map(String.init) ?? ""
        for binding in KeyMap.bindings(on: .authorize, sandbox: false) {
            #expect(last.contains("\(binding.label) \(binding.help)"))
        }
    }

    @Test("a field full of wide characters scrolls by columns: the cursor stays in the window (fuzz finding)", arguments: [80, 57, 40])
    func wideFieldCursor(width: Int) {  // 40 is the smallest window the wizard draws in
        // Found by Fuzz/run (FuzzKeyInput): CJK and emoji before 70 narrow characters put the
        // cursor at column 81 of 80, because the field scrolled by characters, not columns.
        for count in 0...90 {
            var state = WizardState(profileName: "default", preselected: .custom)
            state.step = .customServer
            state.customRoot = TextField("日本語é🎵" + String(repeating: "\u{FFFD}", count: count))
            let screen = WizardView(state: state).render(width: width, height: 24)
            let cursor = screen.cursor
            #expect(cursor != nil)
            #expect((cursor?.column ?? .max) < width, "\(count) characters: cursor at \(String(describing: cursor))")
            #expect(screen.lines.allSatisfy { $0.width <= width })
        }
    }

    /// Issue #13: GNU FM answers "not yet authorised" for ever for a spent token.
    @Test("a resumed token still not approved 3 min after resuming: the screen says so and offers n; a fresh one never")
    func spentTokenHint() {
        let resumed = TokenGrant(token: Fixtures.grant.token, age: .seconds(120), resumed: true, authorizeURL: Fixtures.grant.authorizeURL)
        func screen(_ grant: TokenGrant, age: Duration) -> String {
            var state = Fixtures.state(.fetchingToken)
            _ = WizardReducer.reduce(&state, .tokenReceived(grant))
            _ = WizardReducer.reduce(&state, .waitChanged(.waiting(lastCheck: age, nextCheck: age + .seconds(3))))
            _ = WizardReducer.reduce(&state, .tick(tokenAge: age))
            return WizardView(state: state).render(width: 120, height: 40).text
        }
        #expect(!screen(resumed, age: .seconds(299)).contains("after resuming this token"))
        #expect(screen(resumed, age: .seconds(300)).contains("Still not approved 3 min after resuming this token."))
        #expect(screen(resumed, age: .seconds(300)).contains("press n for a new one"))
        #expect(!screen(Fixtures.grant, age: .seconds(3000)).contains("after resuming this token"), "a fresh token is not suspected")
        #expect(SpentTokenHint.applies(to: resumed, tokenAge: .seconds(300)) && !SpentTokenHint.applies(to: resumed, tokenAge: .seconds(299)))
    }

    @Test("the screen marks the URL's rows for the terminal to wrap itself, with the whole URL", arguments: [40, 80, 120])
    func softWrappedURL(width: Int) {
        let screen = WizardView(state: Fixtures.authorizing()).render(width: width, height: 24)
        #expect(screen.softWrapped?.text == Fixtures.grant.authorizeURL)
        if let row = screen.softWrapped?.row {
            #expect(screen.lines[row].spans.map(\.text).joined() == String(Fixtures.grant.authorizeURL.prefix(width)), "drawn from column 0")
        }
        #expect(WizardView(state: Fixtures.state(.secret)).render(width: width, height: 24).softWrapped == nil)
    }
}

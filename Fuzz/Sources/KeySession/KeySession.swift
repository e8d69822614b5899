import LastFMAuth
import LastFMWizard

/// One fuzz input played as a session of typing and pasting into the wizard, from the service step
/// on. Bytes 0xF5-0xFF stand for what the terminal reports besides characters (paste markers,
/// arrow keys, a resize); the rest is read as UTF-8, invalid bytes replaced. Shared by the fast
/// target (the decoder, the fields and the reducer: `FuzzKeyInput`) and the drawing check run on
/// what it finds (`FuzzKeyScreen`).
public enum KeySession {
    /// Window sizes the screen is drawn at: the usual, the smallest workable, below it, and wide.
    public static let sizes = [(80, 24), (40, 12), (20, 6), (132, 43), (1, 1)]

    /// Plays `bytes`; the fields' invariants are checked after every event, and `checkpoint` is
    /// called with the state and the window size after each run of characters and each special byte.
    public static func play(_ bytes: UnsafeBufferPointer<UInt8>, checkpoint: (WizardState, (width: Int, height: Int)) -> Void) {
        var state = WizardState(profileName: "default", preselected: .custom)
        var decoder = InputDecoder()
        var sizeIndex = 0
        var chunk: [UInt8] = []

        func apply(_ event: WizardEvent) {
            _ = WizardReducer.reduce(&state, event)
            checkFields(state)
        }
        func flush() {
            for scalar in String(decoding: chunk, as: UTF8.self).unicodeScalars {
                if let key = decoder.character(scalar) { apply(.key(key)) }
            }
            chunk.removeAll()
            checkpoint(state, sizes[sizeIndex])
        }

        for byte in bytes {
            guard byte >= 0xF5 else { chunk.append(byte); continue }
            flush()
            switch byte {
            case 0xF5: decoder.pasteStarted()
            case 0xF6: if let text = decoder.pasteEnded() { apply(.paste(text)) }
            case 0xF7: apply(.key(.up))
            case 0xF8: apply(.key(.down))
            case 0xF9: apply(.key(.left))
            case 0xFA: apply(.key(.right))
            case 0xFB: apply(.key(.delete))
            case 0xFC: apply(.key(.home))
            case 0xFD: apply(.key(.end))
            case 0xFE: apply(.focusIn)
            default: sizeIndex = (sizeIndex + 1) % sizes.count
            }
            checkpoint(state, sizes[sizeIndex])
        }
        flush()
    }

    /// What typing and pasting must never do to a field.
    static func checkFields(_ state: WizardState) {
        for field in [state.apiKey, state.secret, state.customRoot, state.customAuthPage] {
            check(field.text.count <= field.limit, "a field holds more than its limit")
            check((0...field.text.count).contains(field.cursor), "the cursor left its field")
            check(field.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) },
                  "a control character got into a field")
        }
    }

    /// What drawing `state` must never do at `size`.
    public static func checkScreen(_ state: WizardState, size: (width: Int, height: Int)) {
        let screen = WizardView(state: state).render(width: size.width, height: size.height)
        check(screen.lines.count == size.height, "the screen does not have the window's height")
        check(screen.lines.allSatisfy { $0.width <= size.width }, "a line is wider than the window")
        if let cursor = screen.cursor {
            check(cursor.row >= 0 && cursor.row < size.height && cursor.column >= 0 && cursor.column <= size.width, "the cursor is outside the window")
        }
        // The secret never shows unless revealed (long enough not to match a label by chance).
        let secret = state.secret.text
        if !state.secretRevealed, secret.count >= 12, screen.text.contains(secret) {
            var blank = state
            blank.secret = TextField("", limit: state.secret.limit)
            let coincidence = WizardView(state: blank).render(width: size.width, height: size.height).text.contains(secret)
            check(coincidence, "the secret is on screen without Ctrl-R")
        }
    }

    /// A broken invariant is a finding: crash so libFuzzer saves the input.
    static func check(_ condition: Bool, _ message: String) {
        if !condition { fatalError(message) }
    }
}

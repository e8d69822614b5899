import LastFMWizard
import Testing

@Suite("Text fields: typing, pasting, editing")
struct TextFieldTests {
    @Test("a combining mark typed after a character joins it, and the cursor stays in the field (fuzz finding)")
    func combiningMark() {
        // Found by Fuzz/run (FuzzKeyInput, seed "unicode"): the cursor moved past the end, and
        // the next edit would have indexed outside the text.
        var field = TextField()
        for character in ["日", "🎵", "\u{301}", "\u{200B}"] { field.insert(character) }
        #expect(field.text == "日🎵\u{301}\u{200B}")
        #expect(field.cursor == field.text.count)
        field.edit(.backspace)
        field.edit(.backspace)
        #expect(field.text == "日")
        #expect(field.cursor == 1)
    }

    @Test("a combining mark typed in the middle joins the character before the cursor")
    func combiningInMiddle() {
        var field = TextField("ab")
        field.edit(.left)
        field.insert("\u{301}")
        #expect(field.text == "a\u{301}b")
        #expect(field.cursor == 1)
        field.insert("x")
        #expect(field.text == "a\u{301}xb")
        #expect(field.cursor == 2)
    }

    @Test("control characters are dropped and the limit holds")
    func filterAndLimit() {
        var field = TextField(limit: 4)
        field.insert("a\u{1B}[2Jb\u{9B}c\u{7F}de")
        #expect(field.text == "a[2J")
        #expect(field.cursor == 4)
    }
}

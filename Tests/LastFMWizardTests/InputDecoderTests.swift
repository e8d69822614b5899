import LastFMWizard
import Testing

@Suite("Input: characters and bracketed paste become keys and pasted text")
struct InputDecoderTests {
    @Test("control characters are keys, the rest are characters")
    func keys() {
        var decoder = InputDecoder()
        #expect(decoder.character("\r") == .enter)
        #expect(decoder.character("\u{7F}") == .backspace)
        #expect(decoder.character("\u{12}") == .control("r"))
        #expect(decoder.character("\u{1B}") == .escape)
        #expect(decoder.character("é") == .character("é"))
    }

    @Test("inside a paste nothing is a key; the text comes out whole at the end marker")
    func paste() {
        var decoder = InputDecoder()
        decoder.pasteStarted()
        let keys = " abc\r\u{3}q".unicodeScalars.compactMap { decoder.character($0) }
        #expect(keys.isEmpty, "Ctrl-C or q inside a paste must not quit")
        #expect(decoder.pasteEnded() == " abc\r\u{3}q")
        #expect(!decoder.isInPaste)
        #expect(decoder.pasteEnded() == nil, "an end marker without a start is ignored")
    }

    @Test("a huge paste is cut at the limit rather than held in memory")
    func hugePaste() {
        var decoder = InputDecoder()
        decoder.pasteStarted()
        for _ in 0..<(InputDecoder.pasteLimit * 3) { _ = decoder.character("a") }
        #expect(decoder.pasteEnded()?.count == InputDecoder.pasteLimit)
    }
}

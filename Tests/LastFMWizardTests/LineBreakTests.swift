import LastFMWizard
import Testing

/// Where lines break: at spaces, and between CJK characters with kinsoku (Japanese and Chinese
/// put no spaces between words); never inside a word, an address or a command.
@Suite("Line breaks: spaces, CJK characters and kinsoku")
struct LineBreakTests {
    @Test("English breaks at spaces only, in both wrappings")
    func english() {
        #expect(TextWidth.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(TextWidth.wrapWords("one two three", width: 7) == ["one two", "three"])
    }

    @Test("Japanese without spaces breaks between characters, each line within the width")
    func japanese() {
        let text = "ブラウザーでこのアドレスを開いて、アクセスを許可してください。"
        for width in [10, 16, 38] {
            for lines in [TextWidth.wrap(text, width: width), TextWidth.wrapWords(text, width: width)] {
                #expect(lines.joined() == text, "nothing lost or added at \(width)")
                #expect(lines.allSatisfy { TextWidth.of($0) <= width }, "\(lines) at \(width)")
                #expect(lines.count > 1 || TextWidth.of(text) <= width)
            }
        }
    }

    @Test("kinsoku: a closing mark or small kana never starts a line, an opening bracket never ends one")
    func kinsoku() {
        // At 16 columns, a plain character break would put "。" first on the second line.
        let stop = TextWidth.wrap("ああああああああ。", width: 16)
        #expect(stop.allSatisfy { !($0.first.map { "。、」）ッ".contains($0) } ?? false) }, "\(stop)")
        for width in 4...20 {
            let lines = TextWidth.wrap("トークンが「承認待ち」のままです。アクセスを許可してください。", width: width)
            for line in lines.dropFirst() {
                #expect(!"。、」）ッョ".contains(line.first ?? " "), "'\(line)' starts a line at \(width): \(lines)")
            }
            for line in lines.dropLast() {
                #expect(!"「（".contains(line.last ?? " "), "'\(line)' ends a line at \(width): \(lines)")
            }
        }
    }

    @Test("an address or a command inside Japanese is never broken in the plain front, and stays whole on a line in the wizard when it fits")
    func addressInJapanese() {
        let url = "https://www.last.fm/api/auth/?api_key=0123&token=abcd"
        let text = "このアドレスを開いてください：\(url)。次に、アクセスを許可してください。"
        let plain = TextWidth.wrapWords(text, width: 40)
        #expect(plain.contains { $0.contains(url) }, "\(plain)")
        #expect(plain.joined() == text)
        let wizard = TextWidth.wrap(text, width: 60)
        #expect(wizard.contains { $0.contains(url) }, "\(wizard)")
    }

    @Test("spaces between words survive, and none is added between CJK characters")
    func spacing() {
        #expect(TextWidth.wrap("Enter で確認 · q で終了", width: 80) == ["Enter で確認 · q で終了"])
        #expect(TextWidth.wrap("Enter で確認 · q で終了", width: 9) == ["Enter で", "確認 · q", "で終了"])
    }
}

import LastFMAuth
import Testing

@Suite("Sanitising server text")
struct SanitizerTests {
    @Test("escape sequences, controls and bidi overrides are removed whole", arguments: [
        ("plain text", "plain text"),
        ("red\u{1B}[31mtext\u{1B}[0m", "redtext"),
        ("clip\u{1B}]52;c;ZXZpbA==\u{07}board", "clipboard"),
        ("link\u{1B}]8;;http://evil\u{1B}\\here\u{1B}]8;;\u{1B}\\", "linkhere"),
        ("c1\u{9B}31mcsi", "c1csi"),
        ("osc\u{9D}0;title\u{9C}end", "oscend"),
        ("nul\u{0}byte", "nulbyte"),
        ("bidi\u{202E}txet", "biditxet"),
        ("isolate\u{2066}x\u{2069}", "isolatex"),
        ("tab\tand\nnewline", "tab and newline"),
        ("del\u{7F}", "del"),
        ("日本語 Zoë", "日本語 Zoë"),
        ("trailing escape\u{1B}", "trailing escape"),
    ])
    func cleans(input: String, expected: String) {
        #expect(Sanitizer.clean(input) == expected)
    }
}

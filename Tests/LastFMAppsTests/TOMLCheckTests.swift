@testable import LastFMApps
import Testing

/// What toml++ (through CTOMLCheck) is asked: does a text parse, a top-level string, the same settings but some.
@Suite("TOML through toml++")
struct TOMLCheckTests {
    @Test("a text that does not parse: the line and column toml++ names")
    func parseError() {
        #expect(throws: Never.self) { try TOMLText(text: "a = 1\n[t]\nb = 'x'\n").check() }
        #expect {
            try TOMLText(text: "a = 1\nb = \"open\n").check()
        } throws: { error in
            guard let error = error as? TOMLText.ParseError else { return false }
            return error.line == 2 && error.column > 1 && !error.message.isEmpty
        }
    }

    @Test("top-level settings: a string, absent (also when only inside a table), not a string")
    func settings() {
        let text = TOMLText(text: "key = \"k\"\nnumber = 3\n[table]\ninner = \"x\"\n")
        #expect(text.setting("key") == .string("k"))
        #expect(text.setting("number") == .notAString)
        #expect(text.setting("inner") == .absent)
    }

    @Test("the same settings but the keys set aside: other changes, comments and spacing told apart")
    func sameSettings() {
        let original = TOMLText(text: "# c\nkey = \"a\"\nn = [1, 2]\n[t]\nx = 1\n")
        #expect(original.sameSettings(as: TOMLText(text: "key = \"b\"\nn = [ 1, 2 ] # same\n[t]\nx = 1\n"), except: ["key"]))
        #expect(!original.sameSettings(as: TOMLText(text: "key = \"b\"\nn = [1, 2]\n[t]\nx = 2\n"), except: ["key"]))
        #expect(!original.sameSettings(as: TOMLText(text: "key = \"b\"\nn = [1, 2]\nextra = 1\n[t]\nx = 1\n"), except: ["key"]))
        #expect(!original.sameSettings(as: TOMLText(text: "key = \"b\"\n"), except: ["key"]))
        #expect(!original.sameSettings(as: TOMLText(text: "key = \"b\"\nn = [1, 2]\n[t]\nx = 1\n"), except: []))
    }
}

import CTOMLCheck
#if canImport(Glibc)
import Glibc
#endif

/// A TOML document's text and what toml++ makes of it: whether it parses (and if not, where and
/// why), and its top-level string settings.
struct TOMLText {
    /// Where and why a text does not parse.
    struct ParseError: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// A top-level setting.
    enum Setting: Equatable {
        case absent
        case string(String)
        case notAString
    }

    let text: String

    /// Throws where and why the text does not parse.
    func check() throws(ParseError) {
        var line: Int32 = 0
        var column: Int32 = 0
        var message = [CChar](repeating: 0, count: 512)
        let failed = text.utf8CString.withUnsafeBufferPointer { bytes in
            toml_check_parse(bytes.baseAddress, bytes.count - 1, &line, &column, &message, message.count)
        }
        if failed != 0 {
            throw ParseError(line: Int(line), column: Int(column), message: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }

    /// The top-level setting `key` (the text is assumed to parse: check first).
    func setting(_ key: String) -> Setting {
        var value = [CChar](repeating: 0, count: 4096)
        let found = text.utf8CString.withUnsafeBufferPointer { bytes in
            toml_check_string(bytes.baseAddress, bytes.count - 1, key, &value, value.count)
        }
        switch found {
        case 1: return .string(String(decoding: value.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        case 0: return .absent
        default: return .notAString
        }
    }

    /// Whether `other` parses and holds the same settings as this text once `keys` are set aside.
    func sameSettings(as other: TOMLText, except keys: [String]) -> Bool {
        let names = keys.map { strdup($0) }
        defer { names.forEach { free($0) } }
        let pointers = names.map { UnsafePointer<CChar>($0) }
        return text.utf8CString.withUnsafeBufferPointer { first in
            other.text.utf8CString.withUnsafeBufferPointer { second in
                pointers.withUnsafeBufferPointer { list in
                    toml_check_same_except(first.baseAddress, first.count - 1, second.baseAddress, second.count - 1, list.baseAddress, list.count) == 1
                }
            }
        }
    }
}

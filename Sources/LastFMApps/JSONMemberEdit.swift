#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LastFMAuth

/// Reads and sets string members of a flat JSON object (scrobblez's secret.json) by editing its
/// text: every other member, the order and the spacing stay byte for byte. The edit is checked by
/// decoding both texts: the members hold the new values and every other member is as it was.
struct JSONMemberEdit {
    /// The file's text; "" for a file that does not exist yet.
    let original: String
    let path: String

    /// The object's members (none for an empty text); throws when the text is not a JSON object.
    func members() throws(AppError) -> [String: JSONValue] {
        original.trimmingWhitespace().isEmpty ? [:] : try Self.decode(original, path: path)
    }

    /// The text with each of `values` replacing its string member, or added at the end of the object.
    func applying(_ values: [(name: String, value: String)]) throws(AppError) -> String {
        guard !original.trimmingWhitespace().isEmpty else {
            return "{\n" + values.map { "    \(Self.quoted($0.name)): \(Self.quoted($0.value))" }.joined(separator: ",\n") + "\n}\n"
        }
        let before = try members()
        var text = original
        var added: [String] = []
        for (name, value) in values {
            guard let held = before[name] else {
                added.append("\(Self.quoted(name)): \(Self.quoted(value))")
                continue
            }
            guard case .string = held else { throw .cannotEdit(path: path, setting: name) }
            // The member as written: its name, the colon, its string value (escapes and all).
            let pattern = try! Regex<(Substring, Substring)>("(" + Self.regexEscaped(Self.quoted(name)) + #"\s*:\s*)"(?:[^"\\]|\\.)*""#)
            let matches = text.matches(of: pattern)
            guard matches.count == 1, let match = matches.first else { throw .cannotEdit(path: path, setting: name) }
            text.replaceSubrange(match.range, with: match.output.1 + Self.quoted(value))
        }
        if !added.isEmpty {
            guard let close = text.lastIndex(of: "}") else { throw .cannotEdit(path: path, setting: added.joined(separator: ", ")) }
            let head = text[..<close]
            let indent = text.firstMatch(of: /\n([ \t]+)"/).map { String($0.output.1) } ?? "    "
            let body = head.trimmingSuffixWhitespace()
            let separator = body.hasSuffix("{") ? "" : ","
            text = body + separator + added.map { "\n" + indent + $0 }.joined(separator: ",") + "\n" + text[close...]
        }
        let after = try Self.decode(text, path: path)
        for (name, value) in values where after[name] != .string(value) { throw .cannotEdit(path: path, setting: name) }
        let names = Set(values.map(\.name))
        guard before.filter({ !names.contains($0.key) }) == after.filter({ !names.contains($0.key) }) else {
            throw .cannotEdit(path: path, setting: Wording.list(values.map(\.name)))
        }
        return text
    }

    /// A JSON string.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func regexEscaped(_ text: String) -> String {
        text.map { "\\^$.|?*+()[]{}/".contains($0) ? "\\\($0)" : String($0) }.joined()
    }

    private static func decode(_ text: String, path: String) throws(AppError) -> [String: JSONValue] {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
            throw .unreadable(path: path, detail: L("not JSON"))
        }
        guard case .object(let members) = value else { throw .unreadable(path: path, detail: L("not a JSON object")) }
        return members
    }
}

extension Substring {
    /// The text without the spaces, tabs and line breaks at its end.
    fileprivate func trimmingSuffixWhitespace() -> Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\n" || last == "\r" { text.removeLast() }
        return text
    }
}

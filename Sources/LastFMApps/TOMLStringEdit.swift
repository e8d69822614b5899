import TOMLKit

/// Sets top-level string settings in a TOML document by editing its text, so that everything
/// else (comments, order, spacing) stays byte for byte. The edit is then checked by parsing both
/// texts with TOMLKit: the settings must hold the new values and every other setting must be as
/// it was, or nothing is written.
struct TOMLStringEdit {
    /// The document's text; "" for a file that does not exist yet.
    let original: String
    let path: String

    /// The text with each of `values` (setting name → value) replacing the existing setting named
    /// in `replacing`, or inserted at the top of the file (the top-level table) when not there.
    func applying(_ values: [(name: String, value: String)], replacing existing: Set<String>) throws(AppError) -> String {
        var text = original
        var inserted = ""
        for (name, value) in values {
            if existing.contains(name) {
                text = try replaced(name, with: value, in: text)
            } else {
                inserted += "\(name) = \(Self.quoted(value))\n"
            }
        }
        text = inserted + text
        try check(text, expecting: values)
        return text
    }

    /// A TOML basic string for `value` (keys and secrets are letters and digits; quotes and
    /// backslashes are escaped all the same).
    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The one line `name = "..."` (or `'...'`) before the first table header, its value replaced.
    private func replaced(_ name: String, with value: String, in text: String) throws(AppError) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pattern = /^([ \t]*)([A-Za-z0-9_-]+)([ \t]*=[ \t]*)("[^"\\\n]*"|'[^'\n]*')([ \t]*(#.*)?)$/
        var found: Int?
        for (index, line) in lines.enumerated() {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("[") { break }  // the top-level table ends here
            guard let match = line.wholeMatch(of: pattern), match.output.2 == name else { continue }
            guard found == nil else { throw .cannotEdit(path: path, setting: name) }
            found = index
            lines[index] = match.output.1 + match.output.2 + match.output.3 + Self.quoted(value) + match.output.5
        }
        guard found != nil else { throw .cannotEdit(path: path, setting: name) }
        return lines.joined(separator: "\n")
    }

    private func check(_ edited: String, expecting values: [(name: String, value: String)]) throws(AppError) {
        let before: TOMLTable
        let after: TOMLTable
        do {
            before = try TOMLTable(string: original)
            after = try TOMLTable(string: edited)
        } catch {
            throw .cannotEdit(path: path, setting: values.map(\.name).joined(separator: " and "))
        }
        let changed = Set(values.map(\.name))
        for (name, value) in values where after[name]?.tomlValue.string != value {
            throw .cannotEdit(path: path, setting: name)
        }
        let kept = Set(before.keys).subtracting(changed)
        guard Set(after.keys).subtracting(changed) == kept,
              kept.allSatisfy({ before[$0]?.tomlValue == after[$0]?.tomlValue }) else {
            throw .cannotEdit(path: path, setting: values.map(\.name).joined(separator: " and "))
        }
    }
}

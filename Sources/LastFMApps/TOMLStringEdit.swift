import LastFMAuth


/// Sets top-level string settings in a TOML document by editing its text, so that everything
/// else (comments, order, spacing) stays byte for byte. The edit is then checked by parsing both
/// texts with toml++: the settings must hold the new values and every other setting must be as
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
        "\"" + value.flatMap { $0 == "\\" || $0 == "\"" ? ["\\", $0] : [$0] } + "\""
    }

    /// The one line `name = "..."` (or `'...'`) before the first table header, its value replaced.
    private func replaced(_ name: String, with value: String, in text: String) throws(AppError) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pattern = /^([ \t]*)([A-Za-z0-9_-]+)([ \t]*=[ \t]*)("[^"\\\n]*"|'[^'\n]*')([ \t]*(#.*)?)$/
        var found: Int?
        for (index, line) in lines.enumerated() {
            if line.trimmingWhitespace().hasPrefix("[") { break }  // the top-level table ends here
            guard let match = line.wholeMatch(of: pattern), match.output.2 == name else { continue }
            guard found == nil else { throw .cannotEdit(path: path, setting: name) }
            found = index
            lines[index] = match.output.1 + match.output.2 + match.output.3 + Self.quoted(value) + match.output.5
        }
        guard found != nil else { throw .cannotEdit(path: path, setting: name) }
        return lines.joined(separator: "\n")
    }

    private func check(_ edited: String, expecting values: [(name: String, value: String)]) throws(AppError) {
        let after = TOMLText(text: edited)
        do { try after.check() } catch { throw .cannotEdit(path: path, setting: Wording.list(values.map(\.name))) }
        for (name, value) in values where after.setting(name) != .string(value) {
            throw .cannotEdit(path: path, setting: name)
        }
        guard TOMLText(text: original).sameSettings(as: after, except: values.map(\.name)) else {
            throw .cannotEdit(path: path, setting: Wording.list(values.map(\.name)))
        }
    }
}

import LastFMAuth

/// Reads and sets top-level one-line settings of a YAML file that is a block mapping (`name: value`
/// lines, as YAMS's yams.yml), by editing lines: comments, order and every other line stay byte
/// for byte. A setting in a form not read safely here (a block, a flow value, an escaped or
/// multi-line string, a repeated name) is never rewritten. Values are written single-quoted.
struct YAMLLineEdit {
    /// The file's text; "" for a file that does not exist yet.
    let original: String
    let path: String

    /// A top-level setting as found.
    enum Setting: Equatable {
        /// Not there.
        case absent
        /// A one-line scalar; nil for YAML's null (`name:`, `~`, `null`).
        case value(String?)
        /// There, in a form lastfm-auth neither reads nor rewrites.
        case other
    }

    /// The top-level setting `name`; throws when the text is not a block mapping read safely here.
    func setting(_ name: String) throws(AppError) -> Setting {
        let found = try scan(original).filter { $0.name == name }
        guard let last = found.last else { return .absent }
        // PyYAML keeps the last of a repeated name; rewriting one of them would be a guess.
        guard found.count == 1 else { return last.value.map { .value($0) } ?? .other }
        return last.readable ? .value(last.value) : .other
    }

    /// The text with each of `values` replacing its one-line setting, or appended at the end when
    /// absent; checked by reading the result back: the settings hold the new values and every other
    /// line is as it was.
    func applying(_ values: [(name: String, value: String)]) throws(AppError) -> String {
        var lines = original.isEmpty ? [] : original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let entries = try scan(original)
        var appended: [String] = []
        for (name, value) in values {
            let found = entries.filter { $0.name == name }
            if found.isEmpty {
                appended.append("\(name): \(Self.quoted(value))")
                continue
            }
            guard found.count == 1, let entry = found.first, entry.readable else { throw .cannotEdit(path: path, setting: name) }
            lines[entry.line] = entry.prefix + Self.quoted(value) + entry.suffix
        }
        let edited = (lines + appended).map { $0 + "\n" }.joined()
        try check(edited, values)
        return edited
    }

    /// A YAML single-quoted scalar: every character as it is, a quote doubled.
    static func quoted(_ value: String) -> String {
        "'" + value.replacing("'", with: "''") + "'"
    }

    private func check(_ edited: String, _ values: [(name: String, value: String)]) throws(AppError) {
        let after = YAMLLineEdit(original: edited, path: path)
        let names = Set(values.map(\.name))
        for (name, value) in values where try after.setting(name) != .value(value) {
            throw .cannotEdit(path: path, setting: name)
        }
        let kept = try scan(original).filter { !names.contains($0.name) }.map(\.text)
        let keptAfter = try scan(edited).filter { !names.contains($0.name) }.map(\.text)
        guard kept == keptAfter else { throw .cannotEdit(path: path, setting: Wording.list(values.map(\.name))) }
    }

    /// One top-level `name: value` line and the lines indented under it.
    private struct Entry {
        var name: String
        var line: Int
        /// `name:` and the spaces before the value, kept when the value is replaced.
        var prefix: String
        /// The spaces and comment after the value, kept too.
        var suffix: String
        /// The value read; nil for null or a form not read.
        var value: String?
        /// Whether the value is one line in a form read (and so rewritten) safely.
        var readable: Bool
        /// The entry's lines as they are, to compare before and after an edit.
        var text: String
    }

    private func scan(_ text: String) throws(AppError) -> [Entry] {
        var entries: [Entry] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let keyLine = /^([A-Za-z_][A-Za-z0-9_.-]*)(:[ \t]*)(.*?)$/
        var seenContent = false
        for (index, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.first == " " || line.first == "\t" {
                // A line under the previous name: that name's value is a block or runs on.
                guard !entries.isEmpty else { throw .unreadable(path: path, detail: L("line {line} is indented before any setting", ["line": "\(index + 1)"])) }
                entries[entries.count - 1].readable = false
                entries[entries.count - 1].text += "\n" + line
                continue
            }
            if line.hasPrefix("---"), !seenContent, line.trimmingWhitespace() == "---" {
                seenContent = true
                continue
            }
            seenContent = true
            guard let match = line.wholeMatch(of: keyLine) else {
                throw .unreadable(path: path, detail: L("line {line} is not a `name: value` setting (lastfm-auth reads only those at the top level)", ["line": "\(index + 1)"]))
            }
            let (value, readable, suffix) = Self.scalar(String(match.output.3))
            entries.append(Entry(name: String(match.output.1), line: index, prefix: String(match.output.1 + match.output.2),
                                 suffix: suffix, value: value, readable: readable, text: line))
        }
        return entries
    }

    /// A one-line value: plain, 'single' or "double" quoted (without escapes), then spaces and an
    /// optional comment. Anything else (a flow or block value, an anchor, a tag) is not read.
    private static func scalar(_ text: String) -> (value: String?, readable: Bool, suffix: String) {
        if text.isEmpty || text.hasPrefix("#") { return (nil, true, text) }
        if let match = text.wholeMatch(of: /'((?:[^']|'')*)'([ \t]*(?:#.*)?)/) {
            return (String(match.output.1).replacing("''", with: "'"), true, String(match.output.2))
        }
        if let match = text.wholeMatch(of: /"([^"\\]*)"([ \t]*(?:#.*)?)/) {
            return (String(match.output.1), true, String(match.output.2))
        }
        guard let first = text.first, !"[]{}&*!|>%@`\"'-?,".contains(first) || (first == "-" && text.count > 1 && text.dropFirst().first != " ") else {
            return (nil, false, "")
        }
        // A plain scalar ends where " #" starts a comment.
        var value = text
        var suffix = ""
        if let comment = text.firstMatch(of: /[ \t]+#/) {
            value = String(text[..<comment.range.lowerBound])
            suffix = String(text[comment.range.lowerBound...])
        }
        let trimmed = value.trimmingWhitespace()
        suffix = String(value.dropFirst(trimmed.count)) + suffix
        if value.contains(": ") { return (nil, false, "") }
        return (["~", "null", "Null", "NULL"].contains(trimmed) ? nil : trimmed, true, suffix)
    }
}

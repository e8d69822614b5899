import LastFMAuth

/// Reads and sets options of one section of an INI file as Python's configparser reads it
/// (Maloja's settings.ini through doreah: `[MALOJA]`, `name = value` or `name: value`, names in any
/// case, `#` and `;` comment lines; a file without a section header is all that section), by editing
/// lines: comments, order and every other line stay byte for byte. An option that runs on over
/// indented lines, or is named twice (configparser refuses the file then), is never rewritten.
struct INILineEdit {
    /// The file's text; "" for a file that does not exist yet.
    let original: String
    let path: String
    /// The section read and written.
    let section: String

    /// An option's raw value (as configparser gives it, before the app converts it), or nil when absent.
    func raw(_ name: String) throws(AppError) -> String? {
        try scan(original).options.first { $0.name == name.lowercased() }?.value
    }

    /// The text with each of `values` (name → the value as written, already quoted as needed)
    /// replacing its option, or added at the end of the section (the section added when absent);
    /// checked by reading the result back: those options hold the new values, every other line is as it was.
    func applying(_ values: [(name: String, written: String)]) throws(AppError) -> String {
        var lines = original.isEmpty ? [] : original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let found = try scan(original)
        var added: [String] = []
        for (name, written) in values {
            guard let option = found.options.first(where: { $0.name == name }) else {
                added.append("\(name) = \(written)")
                continue
            }
            guard option.oneLine else { throw .cannotEdit(path: path, setting: name) }
            lines[option.line] = option.prefix + written
        }
        if !added.isEmpty {
            if let end = found.sectionEnd {
                lines.insert(contentsOf: added, at: end + 1)
            } else if found.hasHeader {
                lines += (lines.last?.trimmingWhitespace().isEmpty ?? true ? [] : [""]) + ["[\(section)]"] + added
            } else if lines.contains(where: { !$0.trimmingWhitespace().isEmpty }) {
                lines += added  // no header: the whole file is the section
            } else {
                lines += ["[\(section)]"] + added
            }
        }
        let edited = lines.map { $0 + "\n" }.joined()
        let after = try scan(edited)
        let names = Set(values.map(\.name))
        for (name, written) in values where after.options.first(where: { $0.name == name })?.value != written {
            throw .cannotEdit(path: path, setting: name)
        }
        guard found.options.filter({ !names.contains($0.name) }).map(\.text) == after.options.filter({ !names.contains($0.name) }).map(\.text) else {
            throw .cannotEdit(path: path, setting: Wording.list(values.map(\.name)))
        }
        return edited
    }

    private struct Option {
        var name: String
        var line: Int
        /// The name, the delimiter and the spaces after it, kept when the value is replaced.
        var prefix: String
        var value: String
        var oneLine: Bool
        var text: String
    }

    private struct Scan {
        var options: [Option] = []
        var hasHeader = false
        /// The section's last option line (or its header), where new options go.
        var sectionEnd: Int?
    }

    private func scan(_ text: String) throws(AppError) -> Scan {
        var scan = Scan()
        var current: String?  // the section of the lines being read; "" before any header
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let option = /^([^=:\s][^=:]*?)([ \t]*[=:][ \t]*)(.*?)[ \t]*$/
        var last: Int?  // the option lines under `section` continue, when indented
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.isEmpty {
                last = nil
                continue
            }
            if line.first == " " || line.first == "\t" {
                if let option = last { scan.options[option].oneLine = false; scan.options[option].text += "\n" + line; scan.sectionEnd = index }
                continue
            }
            if line.hasPrefix("[") {
                scan.hasHeader = true
                current = line.trimmingWhitespace() == "[\(section)]" ? section : String(line)
                if current == section { scan.sectionEnd = index }
                last = nil
                continue
            }
            guard current == nil || current == section else { continue }
            guard let match = line.wholeMatch(of: option) else {
                throw .unreadable(path: path, detail: L("line {line} is neither a section, an option nor a comment", ["line": "\(index + 1)"]))
            }
            let name = String(match.output.1).trimmingWhitespace().lowercased()
            guard !scan.options.contains(where: { $0.name == name }) else {
                throw .unreadable(path: path, detail: L("{name} is set twice in [{section}] (configparser refuses that)", ["name": "\(name)", "section": "\(section)"]))
            }
            scan.options.append(Option(name: name, line: index, prefix: String(match.output.1 + match.output.2), value: String(match.output.3),
                                       oneLine: true, text: line))
            last = scan.options.count - 1
            if current == section || !scan.hasHeader { scan.sectionEnd = index }
        }
        if !scan.hasHeader { scan.sectionEnd = nil }
        return scan
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A JSON file of named entries (`{"profiles": {NAME: {...}}}`), read and updated under a lock.
/// Entries and keys this version does not know are written back as they were.
struct ProfileFile<Entry: Codable & Sendable>: Sendable {
    let path: String
    /// The top-level key that holds the entries.
    let section: String

    /// The entry called `name`, if there is one; a file readable by others is fixed to 0600 and reported.
    func entry(_ name: String, warnings: inout [String]) throws(StoreError) -> Entry? {
        guard case .object(let entries) = try load(warnings: &warnings)[section] ?? .object([:]),
              let raw = entries[name]
        else { return nil }
        return try decode(raw, named: name).get()
    }

    /// Every entry by name, in byte order of the names; one that cannot be read is its own
    /// failure, so the others still show.
    func allEntries(warnings: inout [String]) throws(StoreError) -> [(name: String, entry: Result<Entry, StoreError>)] {
        let top = try load(warnings: &warnings)
        guard case .object(let entries) = top[section] ?? .object([:]) else {
            throw .corrupt(path: path, detail: L("\"{section}\" is not an object", ["section": "\(section)"]))
        }
        return entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { name in
            (name, decode(entries[name]!, named: name))
        }
    }

    private func decode(_ raw: JSONValue, named name: String) -> Result<Entry, StoreError> {
        do {
            return .success(try JSONDecoder().decode(Entry.self, from: JSONEncoder().encode(raw)))
        } catch {
            return .failure(.corrupt(path: path, detail: L("the entry '{name}' is incomplete", ["name": "\(name)"])))
        }
    }

    /// Sets (or with nil removes) the entry `name`, leaving every other entry as it was. `setting`
    /// changes a top-level value in the same write: set to its value, or removed when that is nil
    /// or when `clearing` is what it holds now.
    func update(_ name: String, to entry: Entry?, setting: SettingChange? = nil) throws(StoreError) {
        try SecureFile.withLock(on: path) { () throws(StoreError) in
            var warnings: [String] = []
            var top = try load(warnings: &warnings)
            guard case .object(var entries) = top[section] ?? .object([:]) else {
                throw .corrupt(path: path, detail: L("\"{section}\" is not an object", ["section": "\(section)"]))
            }
            if let entry {
                let encoded: Data
                do { encoded = try JSONEncoder().encode(entry) } catch { throw .corrupt(path: path, detail: L("could not encode the entry")) }
                // One oversized profile must never make the file unreadable (its read limit) for the others.
                guard encoded.count <= Self.entryLimit else {
                    throw .system(path: path, operation: .saveProfile, message: L("it would take more than {size} KiB", ["size": "\(Self.entryLimit / 1024)"]))
                }
                do {
                    entries[name] = try JSONDecoder().decode(JSONValue.self, from: encoded)
                } catch {
                    throw .corrupt(path: path, detail: L("could not encode the entry"))
                }
            } else {
                guard entries.removeValue(forKey: name) != nil else { return }
            }
            top[section] = .object(entries)
            setting?.apply(to: &top)
            try write(top)
        }
    }

    /// The most one entry may take, encoded: 64 of them still fit the file's 4 MiB read limit.
    static var entryLimit: Int { 64 * 1024 }

    /// Writes the whole file, pretty-printed with sorted keys; called under the lock.
    private func write(_ top: [String: JSONValue]) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(top) } catch { throw .corrupt(path: path, detail: L("could not encode the file")) }
        try SecureFile.writeAtomically(Array(data) + [UInt8(ascii: "\n")], to: path)
    }

    /// A change to a top-level value beside the entries, made in the same write as an entry's.
    struct SettingChange: Sendable {
        let key: String
        /// The new value; nil removes the key.
        let value: JSONValue?
        /// Only when the key holds this value now (nil: whatever it holds).
        var onlyIf: JSONValue? = nil

        func apply(to top: inout [String: JSONValue]) {
            if let onlyIf, top[key] != onlyIf { return }
            top[key] = value
        }
    }

    /// Sets (or with nil removes) the top-level value `key`, keeping the entries as they were.
    func updateSetting(_ key: String, to value: JSONValue?) throws(StoreError) {
        try SecureFile.withLock(on: path) { () throws(StoreError) in
            var warnings: [String] = []
            var top = try load(warnings: &warnings)
            guard top[key] != value else { return }
            top[key] = value
            try write(top)
        }
    }

    /// A top-level value beside the entries (a setting such as `default_store`), read without
    /// changing anything; nil when absent or unreadable.
    func setting(_ key: String) -> JSONValue? {
        var ignored: [String] = []
        return (try? load(fixingMode: false, warnings: &ignored))?[key]
    }

    /// The names of the entries, read without changing anything (not even a loose file mode).
    func names() throws(StoreError) -> [String] {
        var ignored: [String] = []
        guard case .object(let entries) = try load(fixingMode: false, warnings: &ignored)[section] ?? .object([:]) else { return [] }
        return entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The whole file; a file readable by others is made 0600 (and said in `warnings`) unless `fixingMode` is false.
    private func load(fixingMode: Bool = true, warnings: inout [String]) throws(StoreError) -> [String: JSONValue] {
        switch try SecureFile.read(path) {
        case .missing:
            return [:]
        case .bytes(let bytes, let mode):
            if fixingMode, mode & 0o077 != 0 {
                try SecureFile.restrictMode(path)
                warnings.append(L("{path} was readable by others (mode {mode}); it is now 0600", ["path": "\(path)", "mode": String(mode, radix: 8)]))
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return [:] }
            do {
                return try JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))
            } catch {
                throw .corrupt(path: path, detail: L("not a JSON object"))
            }
        }
    }
}

import LastFMAuth
#if canImport(Glibc)
import Glibc
#endif

/// Reading and replacing files that belong to another program: read through links, as the program
/// reads them; a replaced file is first kept beside it (`NAME.bak`, or `NAME.bak.1`, ... when that
/// is taken), then written atomically with mode 0600; a link is never replaced.
enum AppFiles {
    /// The file's text (through a link), or nil when there is none.
    static func text(_ path: String) throws(AppError) -> String? {
        switch try read(path, followingLinks: true) {
        case .missing: return nil
        case .bytes(let bytes, _): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Replaces `path` with `text`; returns where the old file was kept, or nil when there was none.
    /// A link is refused: replacing it with a file would take the file from whatever manages it
    /// (home-manager links settings into its read-only store).
    static func replace(_ path: String, with text: String) throws(AppError) -> String? {
        try refuseLink(path)
        var backup: String?
        if case .bytes(let old, _) = try read(path, followingLinks: false) {
            let place = freeBackupPath(for: path)
            do { try SecureFile.writeAtomically(old, to: place) } catch { throw .store(error) }
            backup = place
        }
        do { try SecureFile.writeAtomically(Array(text.utf8), to: path) } catch { throw .store(error) }
        return backup
    }

    /// Throws `.linked` when `path` is a symbolic link, which `replace` would turn into a file.
    static func refuseLink(_ path: String) throws(AppError) {
        if let target = linkTarget(path) { throw .linked(path: path, target: target) }
    }

    /// Where `path` points when it is a symbolic link; nil when it is not one (or is not there).
    static func linkTarget(_ path: String) -> String? {
        var target = [CChar](repeating: 0, count: 4096)
        let length = readlink(path, &target, target.count - 1)
        return length >= 0 ? String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }

    private static func read(_ path: String, followingLinks: Bool) throws(AppError) -> SecureFile.Contents {
        do { return try SecureFile.read(path, followingLinks: followingLinks) } catch { throw .store(error) }
    }

    /// Where `replace` would keep the file at `path` as it is now; nil when there is none.
    static func backupPath(for path: String) throws(AppError) -> String? {
        if case .missing = try read(path, followingLinks: false) { return nil }
        return freeBackupPath(for: path)
    }

    private static func freeBackupPath(for path: String) -> String {
        var candidate = path + ".bak"
        var number = 1
        while access(candidate, F_OK) == 0 {
            candidate = "\(path).bak.\(number)"
            number += 1
        }
        return candidate
    }
}

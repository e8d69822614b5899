#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder under /tmp for one test, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/lastfm-auth-test-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "mkdtemp failed")
        path = String(cString: created!)
    }

    func remove() {
        _ = system("rm -rf '\(path)'")
    }

    /// The mode bits of `name` inside this folder (or of an absolute path).
    func mode(_ name: String) -> UInt32? {
        var info = stat()
        let full = name.hasPrefix("/") ? name : path + "/" + name
        return lstat(full, &info) == 0 ? UInt32(info.st_mode) & 0o7777 : nil
    }

    func write(_ name: String, _ text: String, mode: mode_t = 0o600) {
        let full = path + "/" + name
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, mode)
        precondition(fd >= 0)
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
        fchmod(fd, mode)
        close(fd)
    }

    func read(_ name: String) -> String? {
        let full = name.hasPrefix("/") ? name : path + "/" + name
        guard let file = fopen(full, "r") else { return nil }
        defer { fclose(file) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            out += buffer[0..<count]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The names in `subfolder` of this folder.
    func list(_ subfolder: String = "") -> [String] {
        guard let dir = opendir(subfolder.isEmpty ? path : path + "/" + subfolder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Whether a program is running now, from the kernel's process table (/proc/PID/stat).
public enum RunningProgram {
    /// The ids of the processes named `name` (the kernel keeps the first 15 bytes of a name); one
    /// that has ended but was not yet reaped by its parent (a zombie) is not running.
    public static func pids(named name: String) -> [Int32] {
        let shown = String(decoding: name.utf8.prefix(15), as: UTF8.self)
        guard let folder = opendir("/proc") else { return [] }
        defer { closedir(folder) }
        var pids: [Int32] = []
        while let entry = readdir(folder) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            // "PID (NAME) STATE ...": the name may itself hold spaces and parentheses, so it ends at the last ')'.
            guard let pid = Int32(entryName), let stat = try? AppFiles.text("/proc/\(entryName)/stat"),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")"), open < close else { continue }
            let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
            if stat[stat.index(after: open)..<close] == shown, state != "Z", state != "X" { pids.append(pid) }
        }
        return pids.sorted()
    }
}

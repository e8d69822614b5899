#if canImport(Glibc)
import Glibc
#endif

/// Whether a program is running now, from the kernel's process table (/proc/PID/comm).
public enum RunningProgram {
    /// The ids of the processes named `name` (the kernel keeps the first 15 bytes of a name).
    public static func pids(named name: String) -> [Int32] {
        let shown = String(decoding: name.utf8.prefix(15), as: UTF8.self)
        guard let folder = opendir("/proc") else { return [] }
        defer { closedir(folder) }
        var pids: [Int32] = []
        while let entry = readdir(folder) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let pid = Int32(entryName), let comm = try? AppFiles.text("/proc/\(entryName)/comm") else { continue }
            if comm.trimmingWhitespace() == shown { pids.append(pid) }
        }
        return pids.sorted()
    }
}

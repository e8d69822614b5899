import Foundation

/// Whether a program is running now, from the kernel's process table (/proc/PID/comm).
public enum RunningProgram {
    /// The ids of the processes named `name` (the kernel keeps the first 15 bytes of a name).
    public static func pids(named name: String) -> [Int32] {
        let shown = String(name.utf8.prefix(15))!
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                  let comm = try? String(contentsOfFile: "/proc/\(entry)/comm", encoding: .utf8),
                  comm.trimmingCharacters(in: .newlines) == shown else { return nil }
            return pid
        }.sorted()
    }
}

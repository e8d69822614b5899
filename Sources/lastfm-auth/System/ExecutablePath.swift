#if canImport(Glibc)
import Glibc
#endif

/// This program's own file, as the kernel has it (/proc/self/exe: symlinks resolved): what the
/// sandbox's program and the language catalogs are found beside.
enum ExecutablePath {
    /// The absolute path, or nil when /proc cannot say.
    static var current: String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

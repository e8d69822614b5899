import LastFMAuth
#if canImport(Glibc)
import Glibc
#endif

/// Reads a shared secret from a file or standard input (`-`), at most a few KiB, trimmed.
enum SecretFile {
    static let maxSize = 4096

    static func read(_ path: String) throws(CLIError) -> String {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw .usage("cannot read the secret file \(Sanitizer.clean(path)): \(String(cString: strerror(errno)))")
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .usage("cannot read the secret file \(Sanitizer.clean(path)): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > maxSize { throw .usage("the secret file \(Sanitizer.clean(path)) is too large to hold a shared secret") }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .usage("the secret file \(Sanitizer.clean(path)) is not text")
        }
        return text.trimmingWhitespace()
    }
}

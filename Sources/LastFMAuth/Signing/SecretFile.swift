#if canImport(Glibc)
import Glibc
#endif

/// Reads a shared secret from a file or standard input (`-`), at most a few KiB, trimmed: how a
/// secret reaches a program without passing through its arguments.
public enum SecretFile {
    /// Larger files are refused: no shared secret comes close.
    public static let maxSize = 4096

    /// Why the secret could not be read, as a clause for a person ("cannot read the secret file ...").
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The file's text, trimmed of surrounding whitespace.
    public static func read(_ path: String) throws(Failure) -> String {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Failure(description: L("cannot read the secret file {path}: {reason}", ["path": "\(Sanitizer.clean(path))", "reason": "\(String(cString: strerror(errno)))"]))
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        let bytes: [UInt8]
        switch Descriptor.readAll(fd, limit: maxSize, chunk: 1024) {
        case .success(let read): bytes = read
        case .failure(.tooLarge): throw Failure(description: L("the secret file {path} is too large to hold a shared secret", ["path": "\(Sanitizer.clean(path))"]))
        case .failure(.system(let code)):
            throw Failure(description: L("cannot read the secret file {path}: {reason}", ["path": "\(Sanitizer.clean(path))", "reason": "\(String(cString: strerror(code)))"]))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(description: L("the secret file {path} is not text", ["path": "\(Sanitizer.clean(path))"]))
        }
        return text.trimmingWhitespace()
    }
}

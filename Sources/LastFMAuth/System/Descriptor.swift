#if canImport(Glibc)
import Glibc
#endif

/// Whole buffers in and out of a file descriptor: the one home of the loops that go on after a
/// short write or an EINTR. (apple/swift-system's `FileDescriptor` does this too, for 11.6 s more
/// of a clean release build than these lines: docs/performance.md, "Measured and not taken".)
public enum Descriptor {
    /// Why a whole read did not give the bytes.
    public enum ReadFailure: Error, Equatable, Sendable {
        /// More than the limit: the read stopped there.
        case tooLarge
        /// The system said no (the errno).
        case system(Int32)
    }

    /// Writes all of `bytes` to `fd`, unbuffered; nil when done, else the errno of the failure.
    @discardableResult
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var rest = bytes[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            rest = rest.dropFirst(written)
        }
        return nil
    }

    /// Reads `fd` to its end, `chunk` bytes at a time, refusing more than `limit` bytes.
    public static func readAll(_ fd: Int32, limit: Int, chunk size: Int = 65536) -> Result<[UInt8], ReadFailure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: size)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if count == 0 { return .success(bytes) }
            bytes += chunk[0..<count]
            if bytes.count > limit { return .failure(.tooLarge) }
        }
    }
}

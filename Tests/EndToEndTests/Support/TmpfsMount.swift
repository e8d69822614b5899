import TestSupport
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A small tmpfs mounted for one test, to get real "No space left on device" and "Read-only file
/// system" errors (as root, permissions alone do not stop writes). Needs CAP_SYS_ADMIN, which CI
/// has as root; elsewhere the tests that use it are skipped and say so.
struct TmpfsMount {
    let path: String

    /// Whether this process may mount file systems (tried once on a scratch folder).
    static let isAvailable: Bool = {
        guard let probe = try? TmpfsMount(sizeKiB: 64) else { return false }
        probe.unmount()
        return true
    }()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(sizeKiB: Int) throws {
        path = NSTemporaryDirectory() + "lastfm-auth-tmpfs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(sizeKiB)k,mode=0700") == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: path)
            throw Failure(description: "mount tmpfs: \(reason)")
        }
    }

    /// Makes the file system read-only from now on.
    func remountReadOnly() throws {
        guard mount("tmpfs", path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), nil) == 0 else {
            throw Failure(description: "remount read-only: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes zeros to a file until the file system is full.
    func fill() {
        let fd = open(path + "/filler", O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(fd) }
        let block = [UInt8](repeating: 0, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
    }

    func unmount() {
        umount2(path, Int32(MNT_DETACH))
        try? FileManager.default.removeItem(atPath: path)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Private files done carefully: read without following links, written atomically (temporary
/// file in the same folder, fsync, rename, fsync of the folder) with mode 0600 in a 0700 folder,
/// under an exclusive lock so two running instances never lose each other's changes.
public enum SecureFile {
    /// What `read` found.
    public enum Contents: Equatable, Sendable {
        case missing
        case bytes([UInt8], mode: UInt32)
    }

    /// Reads `path` (at most 4 MiB); refuses non-files, and symlinks unless `followingLinks`
    /// (another program's settings, read as that program reads them).
    public static func read(_ path: String, followingLinks: Bool = false) throws(StoreError) -> Contents {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        if fd < 0 {
            let code = errno
            if code == ENOENT { return .missing }
            if code == ELOOP { throw .symlink(path: path) }
            throw .system(path: path, operation: "open", message: message(code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(path: path, operation: "inspect", message: message(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path: path) }
        switch Descriptor.readAll(fd, limit: 4 << 20) {
        case .success(let bytes): return .bytes(bytes, mode: UInt32(info.st_mode) & 0o7777)
        case .failure(.tooLarge): throw .corrupt(path: path, detail: "larger than 4 MiB")
        case .failure(.system(let code)): throw .system(path: path, operation: "read", message: message(code))
        }
    }

    /// Sets `path` to mode 0600 (used when it was readable by others).
    static func restrictMode(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw .system(path: path, operation: "open", message: message(errno)) }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0 else { throw .system(path: path, operation: "change the mode of", message: message(errno)) }
    }

    /// Replaces `path` with `bytes` atomically: readers see the old file or the new one, never half.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(StoreError) {
        let folder = directory(of: path)
        try makeDirectory(folder)
        if let mode = try? lstatMode(path), mode & S_IFMT == S_IFLNK { throw .symlink(path: path) }
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system(path: temporary, operation: "create", message: message(errno)) }
        var failure = Descriptor.writeAll(fd, bytes).map { StoreError.system(path: path, operation: "write", message: message($0)) }
        if failure == nil, fsync(fd) != 0 { failure = .system(path: path, operation: "flush", message: message(errno)) }
        if close(fd) != 0, failure == nil { failure = .system(path: path, operation: "close", message: message(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = .system(path: path, operation: "replace", message: message(errno)) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }

    /// Runs `body` while holding an exclusive lock on `path + ".lock"` (created 0600 if missing).
    static func withLock<T>(on path: String, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try makeDirectory(directory(of: path))
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system(path: lockPath, operation: "open the lock file", message: message(errno)) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .system(path: lockPath, operation: "lock", message: message(errno)) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Throws unless `path` could be written now: its folder exists (created if missing) and takes
    /// writes. `access` also sees a read-only file system, which permissions do not show to root.
    static func checkWritable(_ path: String) throws(StoreError) {
        let folder = directory(of: path)
        try makeDirectory(folder)
        guard access(folder, W_OK) == 0 else { throw .system(path: folder, operation: "write to", message: message(errno)) }
    }

    /// Creates `path` (and missing parents) with mode 0700.
    static func makeDirectory(_ path: String) throws(StoreError) {
        if let mode = try? lstatMode(path) {
            guard mode & S_IFMT == S_IFDIR else { throw .notAFile(path: path) }
            return
        }
        let parent = directory(of: path)
        if parent != path, parent != "/", parent != "." { try makeDirectory(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw .system(path: path, operation: "create the folder", message: message(errno))
        }
    }

    /// `path` from the root: relative ones are taken from the current folder ("./" dropped).
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let folder = getcwd(nil, 0) else { return path }
        defer { free(folder) }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        let base = String(cString: folder)
        return (base == "/" ? "" : base) + "/" + relative
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func lstatMode(_ path: String) throws(StoreError) -> UInt32 {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .system(path: path, operation: "inspect", message: message(errno)) }
        return UInt32(info.st_mode)
    }

    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

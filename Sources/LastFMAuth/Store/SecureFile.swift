#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Private files done carefully: read without following links, written atomically (temporary
/// file in the same folder, fsync, rename, fsync of the folder) with mode 0600 in a 0700 folder,
/// under an exclusive lock so two running instances never lose each other's changes. Like
/// OpenSSH's StrictModes, a file or folder is trusted only when it belongs to the user this runs
/// as (or to root) and no other user can change it (`trustProblem`).
public enum SecureFile {
    /// What `read` found.
    public enum Contents: Equatable, Sendable {
        case missing
        case bytes([UInt8], mode: UInt32)
    }

    /// Reads `path` (at most 4 MiB); refuses non-files at once (a FIFO never holds the run), a
    /// file or folder another user owns or could change, and symlinks unless `followingLinks`
    /// (another program's settings, read as that program reads them).
    public static func read(_ path: String, followingLinks: Bool = false) throws(StoreError) -> Contents {
        // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        if fd < 0 {
            let code = errno
            if code == ENOENT { return .missing }
            if code == ELOOP { throw .symlink(path: path) }
            throw .system(path: path, operation: .open, message: message(code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(path: path, operation: .inspect, message: message(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path: path) }
        if let problem = trustProblem(info, path: path) { throw problem }
        try checkTrusted(folder: directory(of: absolute(path)))
        _ = fcntl(fd, F_SETFL, O_RDONLY)
        switch Descriptor.readAll(fd, limit: 4 << 20) {
        case .success(let bytes): return .bytes(bytes, mode: UInt32(info.st_mode) & 0o7777)
        case .failure(.tooLarge): throw .corrupt(path: path, detail: L("larger than 4 MiB"))
        case .failure(.system(let code)): throw .system(path: path, operation: .read, message: message(code))
        }
    }

    /// Sets `path` to mode 0600 (used when it was readable by others).
    static func restrictMode(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw .system(path: path, operation: .open, message: message(errno)) }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0 else { throw .system(path: path, operation: .changeMode, message: message(errno)) }
    }

    /// Replaces `path` with `bytes` atomically: readers see the old file or the new one, never half.
    /// Refuses a folder, or a file there, that another user owns or could change.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(StoreError) {
        let folder = directory(of: path)
        try makeDirectory(folder)
        try checkTrusted(folder: folder)
        var existing = stat()
        if lstat(path, &existing) == 0 {
            if existing.st_mode & S_IFMT == S_IFLNK { throw .symlink(path: path) }
            if let problem = trustProblem(existing, path: path) { throw problem }
        }
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system(path: temporary, operation: .create, message: message(errno)) }
        var failure = Descriptor.writeAll(fd, bytes).map { StoreError.system(path: path, operation: .write, message: message($0)) }
        if failure == nil, fsync(fd) != 0 { failure = .system(path: path, operation: .flush, message: message(errno)) }
        if close(fd) != 0, failure == nil { failure = .system(path: path, operation: .close, message: message(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = .system(path: path, operation: .replace, message: message(errno)) }
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
        guard fd >= 0 else { throw .system(path: lockPath, operation: .openLock, message: message(errno)) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .system(path: lockPath, operation: .lock, message: message(errno)) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Throws unless `path` could be written now: its folder exists (created if missing) and takes
    /// writes. `access` also sees a read-only file system, which permissions do not show to root.
    static func checkWritable(_ path: String) throws(StoreError) {
        let folder = directory(of: path)
        try makeDirectory(folder)
        guard access(folder, W_OK) == 0 else { throw .system(path: folder, operation: .writeInFolder, message: message(errno)) }
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
            throw .system(path: path, operation: .createFolder, message: message(errno))
        }
    }

    /// Why a file or folder with `info` at `path` cannot be trusted, if it cannot: it belongs to
    /// another user than this one and root, or others than its owner can change it. A folder
    /// writable by all but sticky (/tmp) is not trusted either: another user could replace what
    /// is in it. Group write is allowed where the group is the owner's own and has no other member
    /// (Debian's user private groups, as its OpenSSH allows).
    static func trustProblem(_ info: stat, path: String) -> StoreError? {
        let me = geteuid()
        guard info.st_uid == me || info.st_uid == 0 else {
            return .foreignOwner(path: path, owner: userName(info.st_uid), user: userName(me))
        }
        if info.st_mode & S_IWOTH != 0 { return .writableByOthers(path: path) }
        if info.st_mode & S_IWGRP != 0, !isPrivateGroup(info.st_gid, of: info.st_uid) { return .writableByOthers(path: path) }
        return nil
    }

    /// Throws unless `folder` (followed through links) can be trusted (`trustProblem`).
    static func checkTrusted(folder: String) throws(StoreError) {
        var info = stat()
        guard stat(folder, &info) == 0 else { return }
        if let problem = trustProblem(info, path: folder) { throw problem }
    }

    /// Whether `path` is a folder of this user's that no one else can enter (`XDG_RUNTIME_DIR`).
    public static func isPrivateFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR && info.st_uid == geteuid() && info.st_mode & 0o077 == 0
    }

    /// The names in `folder` (without "." and ".."); empty when it cannot be read.
    public static func names(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// The folder `path` is in.
    public static func folder(of path: String) -> String {
        directory(of: path)
    }

    private static func userName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return L("uid {uid}", ["uid": "\(uid)"]) }
        return Sanitizer.clean(String(cString: name))
    }

    private static func isPrivateGroup(_ gid: gid_t, of uid: uid_t) -> Bool {
        guard let user = getpwuid(uid), user.pointee.pw_gid == gid, let group = getgrgid(gid) else { return false }
        guard let members = group.pointee.gr_mem else { return true }
        return members.pointee == nil
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
        guard lstat(path, &info) == 0 else { throw .system(path: path, operation: .inspect, message: message(errno)) }
        return UInt32(info.st_mode)
    }

    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

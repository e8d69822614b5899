import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LastFMAuth

/// A fresh folder under the temporary directory for one test, also usable as its HOME, so nothing
/// touches the real user's files. `remove()` deletes it.
public struct ScratchFolder: Sendable {
    /// The folder's absolute path.
    public let path: String

    /// Makes a new, empty folder.
    public init() {
        path = NSTemporaryDirectory() + "lastfm-auth-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A folder that is already there (a volume a test mounted), to write in as in a scratch
    /// folder; its owner removes it, not `remove()`.
    public init(existing path: String) {
        self.path = path
    }

    /// The folder as HOME, for a program run in a test.
    public var home: String { path }
    /// Where lastfm-auth keeps its credentials with this HOME.
    public var credentialsPath: String { path + "/.config/lastfm-auth/credentials.json" }
    /// HOME and nothing else.
    public var environment: [String: String] { ["HOME": path] }

    /// The environment with the sandbox's key and secret in LASTFM_API_KEY and LASTFM_API_SECRET.
    public var environmentWithSandboxCredentials: [String: String] {
        ["HOME": path, "LASTFM_API_KEY": SandboxAccount.apiKey, "LASTFM_API_SECRET": SandboxAccount.apiSecret]
    }

    /// The text of `name` in this folder (or of an absolute path), nil when there is none.
    public func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: full(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes `text` to `name` with `mode`; returns its path.
    /// The descriptor is close-on-exec: a program another test starts meanwhile must not keep the
    /// file open for writing, or running it (a script the binary starts) fails with ETXTBSY.
    @discardableResult
    public func write(_ name: String, _ text: String, mode: Int = 0o600) -> String {
        let path = full(name)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { return path }
        defer { close(fd) }
        var rest = Array(text.utf8)[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { break }
            rest = rest.dropFirst(written)
        }
        fchmod(fd, mode_t(mode))
        return path
    }

    /// The permission bits of `name` (or of an absolute path), without following a symbolic link.
    public func mode(_ name: String) -> UInt32? {
        var info = stat()
        return lstat(full(name), &info) == 0 ? UInt32(info.st_mode) & 0o7777 : nil
    }

    /// The names in `subfolder` of this folder, sorted.
    public func list(_ subfolder: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: subfolder.isEmpty ? path : full(subfolder))) ?? []).sorted()
    }

    /// Deletes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    private func full(_ name: String) -> String {
        name.hasPrefix("/") ? name : path + "/" + name
    }
}

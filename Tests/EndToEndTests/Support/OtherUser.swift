import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// A second, ordinary user on this machine, B, against the tests' own user A (root): made with
/// `useradd`, its commands run with `setpriv` (the environment kept as given), removed with
/// `userdel`. Only root can do this: `OtherUser.possible` gates the tests that need it.
struct OtherUser {
    let name: String
    let uid: uid_t
    let gid: gid_t

    /// Whether this process may add a user (root, with useradd and setpriv there).
    static var possible: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd") && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    /// Adds a user with no home of its own (tests give it a folder as HOME), runs `body`, removes it.
    static func with<T>(_ body: (OtherUser) async throws -> T) async throws -> T {
        let name = "lfmb" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let added = try await ToolRun.run("/usr/sbin/useradd", ["--no-create-home", "--shell", "/bin/sh", "--user-group", name])
        guard added.status == 0, let entry = getpwnam(name) else { throw Failure(what: "useradd \(name): \(added.errors)") }
        let user = OtherUser(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
        defer { _ = try? ToolRun("/usr/sbin/userdel", [name]) }
        return try await body(user)
    }

    struct Failure: Error, CustomStringConvertible {
        let what: String
        var description: String { what }
    }

    /// `command` with its arguments as this user (no supplementary groups).
    func command(_ command: [String]) -> [String] {
        ["--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "--"] + command
    }

    /// Runs `command` as this user to its end.
    func run(_ command: [String]) async throws -> ToolRun {
        try await ToolRun.run("/usr/bin/setpriv", self.command(command))
    }

    /// A folder of this user's (0700) inside `scratch`, for its HOME and its copies of the binaries.
    func folder(_ name: String, in scratch: ScratchFolder) throws -> String {
        let path = scratch.path + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try give(path)
        chmod(path, 0o700)
        return path
    }

    /// Makes `path` this user's.
    func give(_ path: String) throws {
        guard chown(path, uid, gid) == 0 else { throw Failure(what: "chown \(path): \(String(cString: strerror(errno)))") }
    }

    /// Copies of lastfm-auth and the sandbox program that this user can run (the build folder of
    /// a fresh clone in a 0700 temporary folder is closed to it); returns lastfm-auth's path.
    func binaries(in scratch: ScratchFolder) throws -> String {
        let folder = scratch.path + "/bin-" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(scratch.path, 0o755)
        chmod(folder, 0o755)
        for program in ["lastfm-auth", "lastfm-auth-sandbox"] {
            try FileManager.default.copyItem(atPath: RunningProcess.sibling(program), toPath: folder + "/" + program)
        }
        return folder + "/lastfm-auth"
    }
}

#if canImport(Glibc)
import Glibc
#endif
@testable import lastfm_auth

/// Python's `http.server` on loopback: a plain web server that answers the API's POST with 501,
/// as a person's mistyped API root often is. Spawned in a process group of its own, as
/// `TLSFrontDoor` spawns socat, so stopping it ends it whatever it started.
final class StaticWebServer {
    let port: Int
    private let pid: pid_t

    init() async throws {
        for _ in 0..<5 {
            let port = try LoopbackPort.free()
            guard let pid = ChildProcess.spawn(["python3", "-m", "http.server", "\(port)", "--bind", "127.0.0.1", "--directory", "/tmp"],
                                               flags: Int32(POSIX_SPAWN_SETPGROUP)) else { break }
            if await LoopbackPort.waitUntilListening(port, while: { waitpid(pid, nil, WNOHANG) == 0 }) {
                self.port = port
                self.pid = pid
                return
            }
            kill(-pid, SIGTERM)
            waitpid(pid, nil, 0)
        }
        throw FrontDoorError(port: 0)
    }

    /// Its address, as a person would type it for the API root.
    var root: String { "http://127.0.0.1:\(port)/2.0/" }

    func stop() {
        kill(-pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}

#if canImport(Glibc)
import Glibc
#endif
@testable import lastfm_auth

/// An HTTPS front for a plain-HTTP server on loopback: socat terminates TLS with a given
/// certificate and forwards each connection, as a real server's TLS front end would.
/// Spawned with clean signal attributes (the test runner's threads block SIGTERM, which a child
/// would inherit and then never stop), in a process group of its own so that stopping it also
/// ends the children socat forks for each connection.
final class TLSFrontDoor {
    let port: Int
    private let pid: pid_t
    private var stopped = false

    init(certificate: TestCertificates.Server, forwardingTo backend: Int) async throws {
        for _ in 0..<5 {
            let port = try LoopbackPort.free()
            let listen = "OPENSSL-LISTEN:\(port),bind=127.0.0.1,reuseaddr,fork,cert=\(certificate.certificate),key=\(certificate.key),verify=0"
            guard let pid = ChildProcess.spawn(["socat", listen, "TCP:127.0.0.1:\(backend)"], flags: Int32(POSIX_SPAWN_SETPGROUP)) else { throw FrontDoorError(port: port) }
            // The port may have been taken between free() and socat's bind: then socat exits, try another.
            if await LoopbackPort.waitUntilListening(port, while: { waitpid(pid, nil, WNOHANG) == 0 }) {
                self.port = port
                self.pid = pid
                return
            }
            Self.end(pid)
        }
        throw FrontDoorError(port: 0)
    }

    /// Ends socat and the children it forked; once is enough, again does nothing.
    func stop() {
        guard !stopped else { return }
        stopped = true
        Self.end(pid)
    }

    private static func end(_ pid: pid_t) {
        kill(-pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}

struct FrontDoorError: Error, CustomStringConvertible {
    let port: Int
    var description: String { "socat did not start listening on 127.0.0.1:\(port) (is socat installed? scripts/setup-tests installs it)" }
}

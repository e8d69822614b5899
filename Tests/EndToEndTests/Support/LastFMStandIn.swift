import LastFMAuth
import LastFMSandbox
import TestSupport

/// Last.fm's own API root, `https://ws.audioscrobbler.com/2.0/`, answered by a sandbox on loopback,
/// for runs whose server must be Last.fm itself (an app that talks to Last.fm only): a CONNECT
/// proxy (`HTTPS_PROXY`) routes the name to a TLS front door with a certificate for it from a
/// test authority (`SSL_CERT_FILE`), so the binary takes the path it takes for real.
final class LastFMStandIn {
    let sandbox: SandboxServer
    private let certificates: TestCertificates
    private let door: TLSFrontDoor
    private let proxy: ConnectProxy

    private init(sandbox: SandboxServer, certificates: TestCertificates, door: TLSFrontDoor, proxy: ConnectProxy) {
        self.sandbox = sandbox
        self.certificates = certificates
        self.door = door
        self.proxy = proxy
    }

    /// Runs `body` with a stand-in answering as `configuration` says, and stops it however `body` ends.
    static func with<T>(_ configuration: SandboxConfiguration, _ body: (LastFMStandIn) async throws -> T) async throws -> T {
        let certificates = try await offPool { try TestCertificates() }
        let sandbox = try await SandboxServer.start(configuration)
        let door: TLSFrontDoor
        do {
            door = try await TLSFrontDoor(certificate: offPool { try certificates.server("lastfm", names: ["ws.audioscrobbler.com"]) }, forwardingTo: sandbox.port)
        } catch {
            await sandbox.stop()
            certificates.remove()
            throw error
        }
        let standIn: LastFMStandIn
        do {
            standIn = LastFMStandIn(sandbox: sandbox, certificates: certificates, door: door,
                                    proxy: try ConnectProxy(routes: ["ws.audioscrobbler.com:443": door.port]))
        } catch {
            door.stop()
            await sandbox.stopWhenSettled()
            certificates.remove()
            throw error
        }
        do {
            let result = try await body(standIn)
            await standIn.stop()
            return result
        } catch {
            await standIn.stop()
            throw error
        }
    }

    /// `base` with the proxy and the test authority, so that Last.fm's name leads here.
    func environment(_ base: [String: String]) -> [String: String] {
        base.merging(["HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)", "SSL_CERT_FILE": certificates.authority]) { $1 }
    }

    private func stop() async {
        proxy.stop()
        door.stop()
        await sandbox.stopWhenSettled()
        certificates.remove()
    }
}

import LastFMAuth
import LastFMSandbox

extension SandboxServer {
    /// Stops the sandbox once every connection already made to it has been taken in. A connection
    /// that NIO accepts while the listener closes is dropped unserved, which NIO treats as a
    /// programmer error and traps on (apple/swift-nio#3481); socat's children connect to the
    /// sandbox on their own schedule. Connections are accepted in order, so once a request of
    /// our own is answered, all earlier ones are in.
    func stopWhenSettled() async {
        _ = try? await CurlTransport(environment: [:]).send(HTTPRequest(method: .get, url: "http://127.0.0.1:\(port)/"))
        await stop()
    }
}

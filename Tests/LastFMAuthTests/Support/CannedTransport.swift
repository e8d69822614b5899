import LastFMAuth
import Synchronization

/// A transport that answers from a script and records what was sent.
final class CannedTransport: HTTPTransport {
    private let script: Mutex<[Result<HTTPResponse, TransportError>]>
    private let sent = Mutex<[HTTPRequest]>([])

    init(_ answers: [Result<HTTPResponse, TransportError>]) {
        script = Mutex(answers)
    }

    /// A transport whose every answer has this body and status.
    convenience init(status: Int = 200, body: String, headers: [String: String] = [:]) {
        self.init([.success(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)))])
    }

    var requests: [HTTPRequest] { sent.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        sent.withLock { $0.append(request) }
        let next = script.withLock { script in script.count > 1 ? script.removeFirst() : script.first }
        guard let next else { throw TransportError(.other, "no scripted answer") }
        return try next.get()
    }
}

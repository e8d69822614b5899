import AsyncHTTPClient
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// The real transport: AsyncHTTPClient, created on the first request (so a run that never talks
/// to a server pays nothing for it), with redirects refused, bounded bodies and a total deadline.
public final class AsyncHTTPClientTransport: HTTPTransport {
    /// The longest one request may take, body included.
    public let deadline: Duration
    private let environment: [String: String]
    private let client = Mutex<HTTPClient?>(nil)

    /// - Parameter environment: where proxy settings are read from (the process environment in the CLI).
    public init(deadline: Duration = .seconds(20), environment: [String: String]) {
        self.deadline = deadline
        self.environment = environment
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let address: WebAddress
        do { address = try WebAddress(request.url) } catch { throw TransportError(.other, error.description) }
        let http = httpClient(for: address)
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = request.method == .get ? .GET : .POST
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if !request.body.isEmpty { outgoing.body = .bytes(ByteBuffer(bytes: request.body)) }
        let seconds = deadline.components.seconds
        let timeAmount = TimeAmount.seconds(seconds) + .nanoseconds(deadline.components.attoseconds / 1_000_000_000)
        let deadline = deadline
        let prepared = outgoing
        do {
            // AsyncHTTPClient's deadline covers the head only; the race bounds a slow-drip body too.
            return try await withThrowingTaskGroup(of: HTTPResponse?.self) { group in
                group.addTask {
                    let response = try await http.execute(prepared, deadline: .now() + timeAmount)
                    let body = try await response.body.collect(upTo: HTTPResponse.maxBodySize)
                    var headers: [String: String] = [:]
                    for header in response.headers { headers[header.name.lowercased()] = header.value }
                    return HTTPResponse(status: Int(response.status.code), headers: headers, body: Array(buffer: body))
                }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else { throw HTTPClientError.deadlineExceeded }
                return response
            }
        } catch {
            throw Self.classify(error)
        }
    }

    /// Closes connections; call once when done (HTTPClient insists on it).
    public func shutdown() async {
        let existing = client.withLock { current in
            defer { current = nil }
            return current
        }
        try? await existing?.shutdown()
    }

    private func httpClient(for address: WebAddress) -> HTTPClient {
        client.withLock { current in
            if let current { return current }
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: .seconds(10), read: .seconds(15)),
                decompression: .disabled
            )
            if let proxy = ProxySettings.forTarget(scheme: address.scheme, host: address.host, environment: environment) {
                let authorization = proxy.credentials.map { HTTPClient.Authorization.basic(username: $0.user, password: $0.password) }
                configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
            }
            let created = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            current = created
            return created
        }
    }

    /// Sorts the many error types of NIO and AsyncHTTPClient into the few the user can act on.
    static func classify(_ error: any Error) -> TransportError {
        if error is NIOTooManyBytesError {
            return TransportError(.tooLarge, "the server's answer is larger than 1 MiB")
        }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .readTimeout, .connectTimeout, .deadlineExceeded, .writeTimeout, .getConnectionFromPoolTimeout,
                 .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
                return TransportError(.timeout, "the server did not answer in time")
            case .tlsHandshakeTimeout:
                return TransportError(.timeout, "the secure connection was not set up in time")
            case .remoteConnectionClosed, .cancelled, .bodyLengthMismatch, .invalidProxyResponse:
                return TransportError(.connection, "the connection was closed before the answer was complete")
            case .redirectLimitReached, .redirectCycleDetected:
                return TransportError(.redirect, "the server redirected; redirects are refused")
            default:
                return TransportError(.other, "HTTP client error: \(clientError)")
            }
        }
        if error is NIOSSLError || error is BoringSSLError {
            return TransportError(.tls, "the secure connection failed (\(error)); check the address and the system's certificates")
        }
        if let ioError = error as? IOError {
            return TransportError(.connection, "could not reach the server: \(ioError.description)")
        }
        if error is NIOConnectionError || error is ChannelError {
            return TransportError(.connection, "could not connect to the server")
        }
        return TransportError(.other, "\(error)")
    }
}

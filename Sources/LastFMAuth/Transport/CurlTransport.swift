import CCurl
import Dispatch
import Synchronization

/// The real transport: libcurl, loaded on the first request, with redirects refused, bodies
/// bounded to `HTTPResponse.maxBodySize`, one deadline for the whole exchange (a slow drip
/// included), proxies (`ProxySettings`) and trusted certificates (`TrustSettings`) from the
/// environment, and failures in our own words.
///
/// libcurl does TLS (with the system's OpenSSL: its trust store, SNI, host-name checks) and
/// HTTP CONNECT tunnels; see docs/performance.md for why it was chosen over a client on swift-nio.
public final class CurlTransport: HTTPTransport {
    /// The longest one request may take, body included.
    public let deadline: Duration
    private let environment: [String: String]
    /// Handles not in use. A handle keeps its connection, so a wait polling every few seconds
    /// does one TLS handshake, not one per check.
    private let idleHandles = Mutex<[CurlHandle]>([])

    /// A transport; libcurl is loaded on the first request, not here.
    /// - Parameters:
    ///   - deadline: the longest one request may take, body included.
    ///   - environment: where proxy and certificate settings are read from (the process
    ///     environment in the CLI).
    public init(deadline: Duration = .seconds(20), environment: [String: String]) {
        self.deadline = deadline
        self.environment = environment
    }

    deinit {
        // No handle means libcurl was never needed: do not load it now, on the way out (loading
        // it while the process exits raced with exit's clean-up and corrupted the heap).
        let handles = idleHandles.withLock { $0 }
        guard !handles.isEmpty, let api = try? CurlLibrary.api() else { return }
        handles.forEach { api.easy_cleanup($0.pointer) }
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let target: WebAddress
        do { target = try WebAddress(request.url) } catch { throw TransportError(.other, error.description) }
        let api = try CurlLibrary.api()
        let exchange = CurlExchange(
            request: request, target: target,
            proxy: ProxySettings.forTarget(scheme: target.scheme, host: target.host, environment: environment),
            trust: TrustSettings(environment: environment), deadline: deadline
        )
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                guard exchange.wait(with: continuation) else { return }
                // curl_easy_perform blocks: it gets a thread of its own (a new queue runs on an
                // overcommitting thread), never one of the few that run every task.
                DispatchQueue(label: "lastfm-auth.request").async { [self] in
                    let handle = takeHandle(api)
                    guard let handle else {
                        exchange.finish(.failure(TransportError(.other, L("libcurl could not create a request"))))
                        return
                    }
                    let outcome = exchange.perform(on: handle.pointer, api: api)
                    api.easy_reset(handle.pointer)
                    idleHandles.withLock { $0.append(handle) }
                    exchange.finish(outcome)
                }
            }
        } onCancel: {
            exchange.cancel()
        }
        return try outcome.get()
    }

    private func takeHandle(_ api: ccurl_api) -> CurlHandle? {
        if let idle = idleHandles.withLock({ $0.popLast() }) { return idle }
        return api.easy_init().map(CurlHandle.init)
    }
}

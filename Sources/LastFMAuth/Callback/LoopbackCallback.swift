import CMicroHTTPD
import Glibc
import Logging
import Synchronization

/// The loopback listener a browser on this machine comes back to after approval (Last.fm's and
/// GNU FM's web flow, `cb=`): a libmicrohttpd daemon on 127.0.0.1 at a port the system picks,
/// opened only when a page is handed to such a browser and closed when the wait ends. It takes
/// connections made by this user's processes only (the kernel's table names each one's owner),
/// and of those a GET of its one random address with our `Host` and nothing else (`CallbackRequest.verdict`);
/// each browser that comes back is handed to the wait as an `CallbackArrival` and shown the page
/// the wait answers with.
public final class LoopbackCallback: Sendable {
    /// What a listening daemon holds on to; freed when it stops.
    private struct Listening {
        let daemon: OpaquePointer
        let server: UnsafeMutablePointer<cmhd_server>
        let api: UnsafeMutablePointer<cmhd_api>
        let address: CallbackAddress
    }

    private struct Shared {
        var listening: Listening?
        var closed = false
        /// Pages browsers are waiting for: answered "over" when the listener closes.
        var waiting: [CallbackReply] = []
    }

    /// Browsers that came back with or without approval, in order; finished when it closes.
    public let arrivals: AsyncStream<CallbackArrival>
    private let continuation: AsyncStream<CallbackArrival>.Continuation
    private let shared = Mutex(Shared())
    private let replyDeadline: Duration
    private let logger: Logger

    /// A listener, not yet listening.
    /// - Parameters:
    ///   - replyDeadline: how long a browser's page waits for the session before it says the
    ///     terminal will tell the rest.
    ///   - logger: one debug line when it listens and for each request it refuses (never the path).
    public init(replyDeadline: Duration = .seconds(20), logger: Logger = Logger(label: "lastfm-auth", factory: { _ in SwiftLogNoOpLogHandler() })) {
        (arrivals, continuation) = AsyncStream.makeStream(of: CallbackArrival.self)
        self.replyDeadline = replyDeadline
        self.logger = logger
    }

    deinit { close() }

    /// Starts listening, once (later calls return the same address); the address to hand out.
    public func open() throws(CallbackError) -> CallbackAddress {
        let api = try MicroHTTPDLibrary.api()
        return try shared.withLock { (shared) throws(CallbackError) -> CallbackAddress in
            if let listening = shared.listening { return listening.address }
            guard !shared.closed else { throw .couldNotListen }
            let table = UnsafeMutablePointer<cmhd_api>.allocate(capacity: 1)
            table.initialize(to: api)
            let server = UnsafeMutablePointer<cmhd_server>.allocate(capacity: 1)
            // Retained until the daemon has stopped: its threads call back into this object.
            let context = Unmanaged.passRetained(self).toOpaque()
            server.initialize(to: cmhd_server(api: table, handler: callbackHandler, context: context, in_flight: 0, port: 0, foreign: 0))
            // At most 8 connections (one browser needs 2 or 3), 8 KiB for a request line and its
            // headers, 10 s for a connection that sends nothing.
            guard let daemon = cmhd_start(server, 8, 8192, 10) else {
                Unmanaged<LoopbackCallback>.fromOpaque(context).release()
                server.deallocate()
                table.deallocate()
                throw .couldNotListen
            }
            let port = cmhd_port(server, daemon)
            guard port != 0 else {
                api.stop_daemon(daemon)
                Unmanaged<LoopbackCallback>.fromOpaque(context).release()
                server.deallocate()
                table.deallocate()
                throw .couldNotListen
            }
            let address = CallbackAddress.random(port: port)
            shared.listening = Listening(daemon: daemon, server: server, api: table, address: address)
            logger.debug("callback: listening on 127.0.0.1:\(port) (libmicrohttpd \(api.get_version().map { String(cString: $0) } ?? "?"))")
            return address
        }
    }

    /// Where it listens, while it does.
    public var address: CallbackAddress? {
        shared.withLock { $0.listening?.address }
    }

    /// Stops listening for good: browsers still waiting are told the wait is over, the daemon's
    /// threads are joined and the port is closed. Safe to call more than once.
    public func close() {
        let (listening, waiting) = shared.withLock { shared -> (Listening?, [CallbackReply]) in
            defer {
                shared.listening = nil
                shared.closed = true
                shared.waiting = []
            }
            return (shared.listening, shared.waiting)
        }
        continuation.finish()
        waiting.forEach { $0.answer(.over) }
        guard let listening else { return }
        // A page just answered (the one that says "connected") gets up to 3 s to reach the browser
        // (1 s was not always enough for its thread to be scheduled on a loaded 2-core machine);
        // with no page in flight this returns at once.
        cmhd_stop(listening.server, listening.daemon, 3000)
        let foreign = listening.server.pointee.foreign
        if foreign > 0 { logger.debug("callback: refused \(foreign) connection(s) made by another user's process") }
        Unmanaged<LoopbackCallback>.fromOpaque(listening.server.pointee.context).release()
        listening.server.deallocate()
        listening.api.deallocate()
    }

    /// The page for one request, on the daemon's thread for its connection.
    fileprivate func respond(to request: CallbackRequest) -> CallbackPage {
        guard let address = self.address else { return .over }
        switch request.verdict(at: address) {
        case .refused(let refusal):
            logger.debug("callback: refused a request (\(refusal), HTTP \(refusal.status))")
            return .refused(refusal)
        case .declined:
            return hand { .declined(reply: $0) } ?? .over
        case .approved(let token):
            return hand { .approved(token: token, reply: $0) } ?? .stillChecking
        }
    }

    /// Hands an arrival to the wait and waits (bounded) for its page; nil when none came in time.
    private func hand(_ arrival: (CallbackReply) -> CallbackArrival) -> CallbackPage? {
        let reply = CallbackReply()
        let accepted = shared.withLock { shared -> Bool in
            guard !shared.closed else { return false }
            shared.waiting.append(reply)
            return true
        }
        guard accepted, case .enqueued = continuation.yield(arrival(reply)) else { return .over }
        let page = reply.wait(upTo: replyDeadline)
        shared.withLock { shared in shared.waiting.removeAll { $0 === reply } }
        return page
    }
}

/// libmicrohttpd's thread calls this for each request; it answers with the listener's page.
private let callbackHandler: cmhd_handler = { context, request, reply in
    guard let context, let request, let reply else { return }
    let listener = Unmanaged<LoopbackCallback>.fromOpaque(context).takeUnretainedValue()
    func text(_ pointer: UnsafePointer<CChar>?) -> String? { pointer.map { String(cString: $0) } }
    let page = listener.respond(to: CallbackRequest(method: text(request.pointee.method), path: text(request.pointee.path),
                                                    host: text(request.pointee.host), token: text(request.pointee.token)))
    reply.pointee.status = UInt32(page.status)
    reply.pointee.body = strdup(page.html)
}

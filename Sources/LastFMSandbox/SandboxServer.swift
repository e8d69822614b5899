import LastFMAuth
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A Last.fm-compatible server on 127.0.0.1: `auth.getToken`, `auth.getSession`, an
/// authenticated `user.getInfo`, and `track.updateNowPlaying` and `track.scrobble` (recorded in
/// `requests`) (GET or POST, JSON or XML, real signature checks) at `/2.0/`, an
/// authorize page at `/api/auth/`, and the sessions it issued, each with a Revoke button, at
/// `/settings/applications`.
///
/// ```swift
/// let sandbox = try await SandboxServer.start(SandboxConfiguration(approveAfter: .zero))
/// print(sandbox.apiRoot)   // http://127.0.0.1:PORT/2.0/
/// // ... talk to it ...
/// await sandbox.stop()     // awaited: it ends once every connection is answered
/// ```
public final class SandboxServer: Sendable {
    /// How it behaves.
    public let configuration: SandboxConfiguration
    /// The port it listens on (the one picked when the configuration said 0).
    public let port: Int
    private let tokens: TokenRegistry
    private let sessionRegistry: SessionRegistry
    private let faults: Mutex<[SandboxFault]>
    private let log: Mutex<[LoggedRequest]>
    private let logLine: (@Sendable (String) -> Void)?
    private let state: Mutex<State>

    /// Where the server is in its life: a reserved socket, then an event loop serving it.
    private enum State {
        case reserved(LoopbackSocket)
        case starting
        case serving(any Channel, Task<Void, Never>, acceptingEnded: AsyncStream<Void>)
        case stopped
    }

    /// Where it answers: API root, authorize page, sessions page.
    public var address: SandboxAddress { SandboxAddress(port: port) }
    /// The API root clients use: `http://127.0.0.1:PORT/2.0/`.
    public var apiRoot: String { address.apiRoot }
    /// The authorize page: `http://127.0.0.1:PORT/api/auth/`.
    public var authPage: String { address.authPage }
    /// The page listing the sessions issued, with a Revoke button each: `http://127.0.0.1:PORT/settings/applications`.
    public var applicationsPage: String { address.applicationsPage }

    /// Binds to 127.0.0.1 and starts serving. `logLine` gets one line per request (no secrets).
    public static func start(_ configuration: SandboxConfiguration, logLine: (@Sendable (String) -> Void)? = nil) async throws -> SandboxServer {
        let server = try SandboxServer(configuration, logLine: logLine)
        try await server.startServing()
        return server
    }

    /// Binds to 127.0.0.1 and listens, without starting anything: the address is known at once
    /// and clients that connect wait until `startServing()`. Cheap enough to do before a first
    /// frame; starting the event loop is what takes milliseconds.
    public convenience init(_ configuration: SandboxConfiguration, logLine: (@Sendable (String) -> Void)? = nil) throws {
        try self.init(configuration, socket: try LoopbackSocket(port: configuration.port), logLine: logLine)
    }

    /// Serves on a socket already listening on 127.0.0.1 (one inherited from the process that
    /// started this one); `configuration.port` is not used. Nothing starts until `startServing()`.
    public init(_ configuration: SandboxConfiguration, socket: LoopbackSocket, logLine: (@Sendable (String) -> Void)? = nil) {
        self.configuration = configuration
        self.port = socket.port
        self.tokens = TokenRegistry(configuration: configuration)
        self.sessionRegistry = SessionRegistry()
        self.faults = Mutex([])
        self.log = Mutex([])
        self.logLine = logLine
        self.state = Mutex(.reserved(socket))
    }

    /// Starts answering: the event loop takes the socket over. Calling it again does nothing.
    public func startServing() async throws {
        typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>
        let socket: LoopbackSocket? = state.withLock { state in
            guard case .reserved(let socket) = state else { return nil }
            state = .starting
            return socket
        }
        guard let socket else { return }
        let listener: NIOAsyncChannel<Connection, Never>
        let idle = TimeAmount.nanoseconds(Int64(configuration.idleLimit.components.seconds) * 1_000_000_000
                                          + configuration.idleLimit.components.attoseconds / 1_000_000_000)
        do {
            listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(socket.descriptor) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers([IdleStateHandler(readTimeout: idle), IdleConnectionCloser()])
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        return try Connection(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            state.withLock { $0 = .stopped }
            close(socket.descriptor)
            throw error
        }
        let logLine = logLine
        let (acceptingEnded, acceptingEnds) = AsyncStream<Void>.makeStream()
        let task = Task<Void, Never> {
            await withDiscardingTaskGroup { group in
                try? await listener.executeThenClose { inbound in
                    for try await connection in inbound {
                        group.addTask { await self.serve(connection, logLine: logLine) }
                    }
                }
                acceptingEnds.finish()
            }
        }
        let stoppedMeanwhile = state.withLock { state in
            guard case .starting = state else { return true }
            state = .serving(listener.channel, task, acceptingEnded: acceptingEnded)
            return false
        }
        if stoppedMeanwhile {
            await Self.stop(listener.channel, task, acceptingEnded)
        }
    }

    /// Queues faults: each replaces the answer to one later API request, in order.
    public func inject(_ newFaults: [SandboxFault]) {
        faults.withLock { $0 += newFaults }
    }

    /// Every API request so far, in order.
    public var requests: [LoggedRequest] { log.withLock { $0 } }

    /// Approves `token` as `user` (what the page's Allow button does); false if it is not pending.
    @discardableResult
    public func approve(token: String, as user: String? = nil) -> Bool {
        tokens.decide(token, user: user ?? configuration.defaultUser, at: .now)
    }

    /// Every session issued so far, oldest first.
    public var sessions: [SandboxSession] { sessionRegistry.all }

    /// Revokes the session whose key is `sessionKey` (what the applications page's Revoke button
    /// does): the key then answers error 9. False if there is no such live session.
    @discardableResult
    public func revoke(sessionKey: String) -> Bool {
        guard let id = sessionRegistry.id(ofKey: sessionKey) else { return false }
        return sessionRegistry.revoke(id: id)
    }

    /// Stops listening and closes every connection.
    public func stop() async {
        let previous = state.withLock { state in
            defer { state = .stopped }
            return state
        }
        switch previous {
        case .reserved(let socket):
            close(socket.descriptor)
        case .serving(let channel, let task, let acceptingEnded):
            await Self.stop(channel, task, acceptingEnded)
        case .starting, .stopped:
            break
        }
    }

    /// Closes the listener, lets the accept loop hand every connection already accepted to
    /// `serve` (a connection dropped unserved is a NIO precondition failure: "Deinited
    /// NIOAsyncWriter without calling finish()"), then cancels the connections still being served.
    private static func stop(_ listener: any Channel, _ task: Task<Void, Never>, _ acceptingEnded: AsyncStream<Void>) async {
        try? await listener.close()
        for await _ in acceptingEnded {}
        task.cancel()
        await task.value
    }

    // MARK: Serving

    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, logLine: (@Sendable (String) -> Void)?) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                    body = []
                case .body(let buffer):
                    body += buffer.readableBytesView
                    guard body.count <= 65536 else {
                        try await SandboxReply(status: 413, body: Array("request too large\n".utf8)).write(to: outbound, drip: nil)
                        return
                    }
                case .end:
                    guard let requestHead = head else { return }
                    let keepAlive = requestHead.isKeepAlive
                    guard try await handle(requestHead, body, outbound, logLine) == .keepOpen, keepAlive else { return }
                }
            }
        }
    }

    private enum AfterReply { case keepOpen, close }

    private func handle(_ head: HTTPRequestHead, _ body: [UInt8], _ outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>,
                        _ logLine: (@Sendable (String) -> Void)?) async throws -> AfterReply {
        let method = head.method == .POST ? "POST" : head.method == .GET ? "GET" : "\(head.method)"
        guard let request = SandboxRequest(method: method, target: head.uri, formBody: body) else {
            try await SandboxReply.html(400, "malformed request\n").write(to: outbound, drip: nil)
            return .close
        }
        let now = ContinuousClock.now
        switch request.path {
        case "/2.0/", "/2.0":
            var entry = LoggedRequest(method: request.parameters["method"] ?? "", at: now)
            if (request.parameters["method"] ?? "").lowercased().hasPrefix("track.") { entry.received = ScrobbleResponder.received(request.parameters) }
            let logIndex = log.withLock { log in
                log.append(entry)
                return log.count - 1
            }
            let fault = faults.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            let json = request.parameters["format"] == "json"
            var drip: Duration?
            switch fault {
            case .apiError(let code, let message, let status, let retryAfter):
                var reply = APIResponder.error(code: code, message: message, json: json, httpStatus: status)
                if let retryAfter { reply.headers["Retry-After"] = String(retryAfter) }
                logLine?("\(method) \(request.parameters["method"] ?? "") → injected error \(code)")
                try await reply.write(to: outbound, drip: nil)
                return .keepOpen
            case .raw(let status, let headers, let bytes):
                logLine?("\(method) \(request.parameters["method"] ?? "") → injected HTTP \(status)")
                try await SandboxReply(status: status, headers: headers, body: bytes).write(to: outbound, drip: nil)
                return .keepOpen
            case .delay(let delay):
                try await Task.sleep(for: delay)
            case .slowDrip(let interval):
                drip = interval
            case .hang:
                logLine?("\(method) \(request.parameters["method"] ?? "") → injected hang")
                try await Task.sleep(for: .seconds(3600))
                return .close
            case .closeConnection:
                logLine?("\(method) \(request.parameters["method"] ?? "") → injected connection close")
                return .close
            case nil:
                break
            }
            let answer = APIResponder(configuration: configuration, tokens: tokens, sessions: sessionRegistry).respond(to: request, at: .now)
            log.withLock { log in
                log[logIndex].user = answer.user
                log[logIndex].error = answer.error
            }
            logLine?("\(method) \(answer.line)")
            try await answer.reply.write(to: outbound, drip: drip)
        case "/api/auth/", "/api/auth":
            let (reply, line) = AuthPage(configuration: configuration, tokens: tokens).respond(to: request, at: now)
            logLine?("\(method) \(line)")
            try await reply.write(to: outbound, drip: nil)
        case "/settings/applications", "/settings/applications/":
            let (reply, line) = ApplicationsPage(configuration: configuration, sessions: sessionRegistry).respond(to: request)
            logLine?("\(method) \(line)")
            try await reply.write(to: outbound, drip: nil)
        case "/":
            try await SandboxReply.html(200, "lastfm-auth sandbox: API at /2.0/, authorize page at /api/auth/, sessions at /settings/applications\n").write(to: outbound, drip: nil)
        default:
            logLine?("\(method) \(head.uri.prefix { $0 != "?" }) → 404")
            try await SandboxReply.html(404, "not found\n").write(to: outbound, drip: nil)
        }
        return .keepOpen
    }
}

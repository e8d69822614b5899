import Synchronization

/// The wait for either page: the polling of the desktop token (approved on any device) and, while
/// a loopback callback listens, the exchange of each token a browser brings back to it. The first
/// session ends the wait and the other way is dropped (the exchanges run one at a time); a browser that comes back without one is
/// told so on its page and in the fronts, and the polling goes on.
struct ApprovalRace<C: Clock>: Sendable where C.Duration == Duration {
    let client: LastFMClient
    let waiter: ApprovalWaiter<C>
    /// Told of each session as soon as its answer is read (`AuthFlow.wait`).
    let received: @Sendable (Session) -> Void
    /// Counts the exchanges in flight, `received` included.
    let watch: ExchangeWatch

    /// The updates of the wait for `grant`, ending with a final state. Ending it (or cancelling
    /// the consumer) closes `callback`.
    func updates(for grant: TokenGrant, checkNow: CheckNowSignal, callback: LoopbackCallback?) -> AsyncStream<WaitUpdate> {
        let (stream, continuation) = AsyncStream.makeStream(of: WaitUpdate.self)
        let over = Mutex(false)
        // Only the first final state gets through; nothing follows it.
        let send: @Sendable (WaitUpdate) -> Void = { update in
            let final = if case .state(let state) = update { state.isFinal } else { false }
            let ended = over.withLock { over -> Bool in
                guard !over else { return false }
                over = final
                continuation.yield(update)
                return final
            }
            if ended { continuation.finish() }
        }
        let client = client, waiter = waiter, token = grant.token, received = received, watch = watch
        let polled = waiter.states(tokenAge: grant.age, checkNow: checkNow) { () async throws(AuthError) -> Session in
            try await watch.during { () async throws(AuthError) -> Session in
                let session = try await client.getSession(token: token)
                received(session)
                return session
            }
        }
        let task = Task {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    for await state in polled { send(.state(state)) }
                }
                guard let callback else { return }
                // One exchange at a time: browsers that come back while one runs wait their turn
                // (their page says the terminal has the rest), so returns never multiply requests.
                group.addTask {
                    for await arrival in callback.arrivals {
                        await Self.take(arrival, client: client, waiter: waiter, received: received, watch: watch, send: send)
                    }
                }
            }
        }
        continuation.onTermination = { _ in
            task.cancel()
            callback?.close()
        }
        return stream
    }

    /// One browser's return: a token is exchanged at once, under the same pacing and retries as
    /// the polling; its page is answered as soon as the outcome is known.
    private static func take(_ arrival: CallbackArrival, client: LastFMClient, waiter: ApprovalWaiter<C>, received: @escaping @Sendable (Session) -> Void,
                             watch: ExchangeWatch, send: @Sendable (WaitUpdate) -> Void) async {
        switch arrival {
        case .declined(let reply):
            reply.answer(.declined)
            send(.browserReturned(.declined))
        case .approved(let token, let reply):
            let states = waiter.states(approved: true, checkNow: CheckNowSignal()) { () async throws(AuthError) -> Session in
                try await watch.during { () async throws(AuthError) -> Session in
                    let session = try await client.getSession(token: token)
                    received(session)
                    return session
                }
            }
            for await state in states {
                switch state {
                case .authorized(let session):
                    reply.answer(.connected(service: Wording.place(of: client.service), username: session.username))
                    send(.state(state))
                case .failed(let error):
                    reply.answer(.notUsable(Wording.sentence(error)))
                    send(.browserReturned(.notUsable(error)))
                case .expired:
                    reply.answer(.notUsable(Wording.browserTokenExpired))
                    send(.browserReturned(.expired))
                case .waiting(lastCheck: nil, _):
                    break
                case .waiting, .retrying:
                    // The server has not taken it yet: the terminal will say how it ends.
                    reply.answer(.stillChecking)
                }
            }
        }
    }
}

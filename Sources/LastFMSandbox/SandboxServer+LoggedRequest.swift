extension SandboxServer {
    /// One API request the sandbox received, for tests that count or time them, and for client
    /// developers who check what their scrobbler sent.
    public struct LoggedRequest: Sendable, Equatable {
        /// The API method asked for, such as `auth.getToken`.
        public var method: String
        /// When it arrived.
        public var at: ContinuousClock.Instant
        /// For `track.updateNowPlaying` and `track.scrobble`, what was sent about the track(s):
        /// every field but the key, signature and session key (`artist`, `track[0]`, `timestamp[0]`, ...);
        /// empty for other methods.
        public var received: [String: String] = [:]
        /// Whose session signed it (`sk`), once the sandbox accepted it; nil when it was refused
        /// or needs no session.
        public var user: String?
        /// The Last.fm error code it was answered with; nil when it was answered as asked (or a
        /// fault was injected in its place).
        public var error: Int?

        /// A request for `method` that arrived `at`, not yet answered.
        public init(method: String, at: ContinuousClock.Instant) {
            self.method = method
            self.at = at
        }
    }
}

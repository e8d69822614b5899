extension SandboxServer {
    /// One API request the sandbox received, for tests that count or time them.
    public struct LoggedRequest: Sendable, Equatable {
        /// The API method asked for, such as `auth.getToken`.
        public var method: String
        /// When it arrived.
        public var at: ContinuousClock.Instant
    }
}

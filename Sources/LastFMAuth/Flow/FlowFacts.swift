/// What the flow's moves depend on beside the answer itself: what the fronts know of the run.
public struct FlowFacts: Equatable, Sendable {
    /// The key and secret were made on the spot (`Credential.madeUp`) for a server not known to check them.
    public var madeUpCredentials: Bool
    /// The run is against the built-in sandbox, whose tokens do not outlive it.
    public var sandbox: Bool
    /// Where the token is asked for, to name an address that is not the API.
    public var apiRoot: WebAddress?
    /// The server's addresses were given by the person (a custom server), so they may be wrong.
    public var addressTyped: Bool
    /// The server is known to refuse a spent token (Last.fm, the sandbox); GNU FM and custom servers
    /// may never say, so a resumed token's hint comes at once (`SpentTokenHint`).
    public var serverSaysSpent: Bool

    /// The facts of a run.
    public init(madeUpCredentials: Bool = false, sandbox: Bool = false, apiRoot: WebAddress? = nil, addressTyped: Bool = false,
                serverSaysSpent: Bool = true) {
        self.serverSaysSpent = serverSaysSpent
        self.madeUpCredentials = madeUpCredentials
        self.sandbox = sandbox
        self.apiRoot = apiRoot
        self.addressTyped = addressTyped
    }
}

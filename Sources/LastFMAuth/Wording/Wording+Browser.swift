extension Wording {
    /// A browser came back to the callback without a session; the wait goes on (both fronts).
    public static func browserReturned(_ news: BrowserReturn) -> String {
        switch news {
        case .declined:
            L("The browser came back without approval: access was not granted. Still waiting for approval at the address shown.")
        case .notUsable(let error):
            L("The approval from the browser could not be used: {error}. Still waiting for approval at the address shown.", ["error": "\(error)"])
        case .expired:
            L("The approval from the browser came too late: {browserTokenExpired}. Still waiting for approval at the address shown.", ["browserTokenExpired": "\(browserTokenExpired)"])
        }
    }

    /// The built-in sandbox, as a place an account is on.
    public static var sandboxPlace: String { L("the built-in sandbox") }

    /// The service as the browser's page names it: its name, the sandbox, or a custom server's host.
    public static func place(of service: Service) -> String {
        service.isSandbox ? sandboxPlace : service.displayName
    }

    /// A token the browser brought back expired before the server took it.
    public static var browserTokenExpired: String { L("the server says that token has expired") }

    /// The callback was not used (`--verbose` only): the desktop page was opened, polling notices approval.
    public static func callbackUnused(_ reason: String) -> String {
        L("Not listening for the browser's return: {reason}. Approval is noticed at the next check.", ["reason": "\(reason)"])
    }

    /// The words of the page a browser lands on at the loopback callback (`CallbackPage`).
    public enum BrowserPage {
        public static var connectedTitle: String { L("Connected") }
        /// After the session arrived for `username` on `service`.
        public static func connected(service: String, username: String) -> String {
            L("lastfm-auth received the session for {username} on {service}. You can close this tab and return to the terminal.", ["username": "\(username)", "service": "\(service)"])
        }
        public static var declinedTitle: String { L("Access was not granted") }
        public static var declined: String { L("lastfm-auth was not given access. To connect the account, approve the address shown in the terminal, or stop lastfm-auth there.") }
        public static var notUsableTitle: String { L("Not connected") }
        /// The server would not exchange the token (`sentence` says why, with or without its full stop).
        public static func notUsable(_ sentence: String) -> String {
            let ended = sentence.hasSuffix(".") ? sentence : sentence + "."
            return L("The server did not accept this approval: {ended} Return to the terminal: lastfm-auth is still waiting there.", ["ended": "\(ended)"])
        }
        public static var stillCheckingTitle: String { L("Approval received") }
        public static var stillChecking: String { L("The server has not confirmed it yet; return to the terminal, which says when the session is saved.") }
        public static var overTitle: String { L("Nothing to do here") }
        public static var over: String { L("lastfm-auth is no longer waiting for this approval. Return to the terminal.") }
        public static var refusedTitle: String { L("Not found") }
        public static var refused: String { L("This address is not one lastfm-auth is waiting on.") }
        /// The link on the private page a browser is started with (`OpenPage`), where it does not follow the refresh.
        public static var openLink: String { L("Continue to the authorize page") }
    }
}

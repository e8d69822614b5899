/// The sandbox's stand-in for `https://www.last.fm/api/auth/`: a page with Allow and Deny (GNU FM's:
/// any key, one Submit button).
struct AuthPage: Sendable {
    let configuration: SandboxConfiguration
    let tokens: TokenRegistry

    /// `GET /api/auth/?api_key=K&token=T` shows the question (the desktop flow), `GET
    /// /api/auth/?api_key=K&cb=URL` makes a token and shows it (the web flow); `POST /api/auth/`
    /// records the answer, and in the web flow redirects (302) to `cb` with `token=` appended on
    /// Allow and without it on Deny, as Last.fm does. Both `token` and `cb` match neither flow
    /// (GNU FM's page), so the sandbox refuses them together.
    func respond(to request: SandboxRequest, at now: ContinuousClock.Instant) -> (SandboxReply, String) {
        let key = request.parameters["api_key"] ?? ""
        let callback = request.parameters["cb"]
        guard key == configuration.apiKey || !configuration.flavor.checksAPIKeys else {
            return (.html(400, HTMLPage.render("Unknown application", "<p>This API key is not known to the sandbox.</p>")), "auth page → unknown api_key")
        }
        if let callback, !Self.isWebAddress(callback) {
            return (.html(400, HTMLPage.render("Callback not valid", "<p>The callback must be an http:// or https:// address.</p>")), "auth page → callback not valid")
        }
        var token = request.parameters["token"] ?? ""
        if request.method == "GET", let callback {
            guard token.isEmpty else {
                return (.html(400, HTMLPage.render("Token or callback", "<p>This page takes a token (desktop applications) or a callback (web applications), not both.</p>")),
                        "auth page → token and cb together")
            }
            token = tokens.issue(at: now)
            return (form(key: key, token: token, callback: callback), "auth page → shown (web flow, callback to \(Self.origin(of: callback)))")
        }
        guard tokens.isLive(token, at: now) else {
            return (.html(400, HTMLPage.render("Token not valid", "<p>This token is unknown or has expired. Ask the application for a new one.</p>")), "auth page → unknown or expired token")
        }
        guard request.method == "POST" else { return (form(key: key, token: token, callback: nil), "auth page → shown") }
        let allow = request.parameters["action"] == "allow"
        let user = (request.parameters["user"] ?? "").isEmpty ? configuration.defaultUser : request.parameters["user"]!
        guard tokens.decide(token, user: allow ? user : nil, at: now) else {
            return (.html(409, HTMLPage.render("Already answered", "<p>This token was already approved or denied.</p>")), "auth page → token already decided")
        }
        if let callback {
            let separator = callback.contains("?") ? "&" : "?"
            let location = allow ? callback + separator + "token=" + token : callback
            return (SandboxReply(status: 302, headers: ["Location": location, "Content-Type": "text/html; charset=utf-8"], body: []),
                    "auth page → \(allow ? "allowed" : "denied"), redirected to the callback")
        }
        let text = allow
            ? "<p>Access granted to <b>\(HTMLPage.escape(configuration.applicationName))</b> as <b>\(HTMLPage.escape(user))</b>. You can close this window and return to the application.</p>"
            : "<p>Access denied. You can close this window.</p>"
        return (.html(200, HTMLPage.render(allow ? "Access granted" : "Access denied", text)), "auth page → \(allow ? "allowed" : "denied")")
    }

    /// The question, with the answer's form; `callback` rides along in the web flow.
    private func form(key: String, token: String, callback: String?) -> SandboxReply {
        let buttons = configuration.flavor == .gnufm
            ? #"<button name="action" value="allow">Submit</button>"#
            : #"<button name="action" value="allow">Allow access</button> <button name="action" value="deny">Deny</button>"#
        let callbackField = callback.map { #"<input type="hidden" name="cb" value="\#(HTMLPage.escape($0))">"# } ?? ""
        let form = """
            <p><b>\(HTMLPage.escape(configuration.applicationName))</b> would like to use your account.</p>
            <form method="post" action="/api/auth/">
            <input type="hidden" name="api_key" value="\(HTMLPage.escape(key))">
            <input type="hidden" name="token" value="\(HTMLPage.escape(token))">\(callbackField)
            <p><label>User name <input name="user" value="\(HTMLPage.escape(configuration.defaultUser))"></label></p>
            <p>\(buttons)</p>
            </form>
            """
        return .html(200, HTMLPage.render("Connect your account", form))
    }

    /// Whether `text` is an http:// or https:// address with a host.
    private static func isWebAddress(_ text: String) -> Bool {
        for scheme in ["http://", "https://"] where text.hasPrefix(scheme) {
            return text.count > scheme.count && !text.contains(where: { $0 == " " || $0 == "\n" || $0 == "\r" })
        }
        return false
    }

    /// The scheme, host and port of a callback, for the request log (its path may be secret).
    private static func origin(of callback: String) -> String {
        let afterScheme = callback.firstRange(of: "://").map { callback[$0.upperBound...] } ?? Substring(callback)
        let host = afterScheme.prefix { $0 != "/" && $0 != "?" }
        return String(callback.prefix(callback.count - afterScheme.count)) + host
    }
}

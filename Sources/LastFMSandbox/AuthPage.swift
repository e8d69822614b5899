/// The sandbox's stand-in for `https://www.last.fm/api/auth/`: a page with Allow and Deny.
struct AuthPage: Sendable {
    let configuration: SandboxConfiguration
    let tokens: TokenRegistry

    /// `GET /api/auth/?api_key=K&token=T` shows the question; `POST /api/auth/` records the answer.
    func respond(to request: SandboxRequest, at now: ContinuousClock.Instant) -> (SandboxReply, String) {
        let key = request.parameters["api_key"] ?? ""
        let token = request.parameters["token"] ?? ""
        guard key == configuration.apiKey else {
            return (.html(400, page("Unknown application", "<p>This API key is not known to the sandbox.</p>")), "auth page → unknown api_key")
        }
        guard tokens.isLive(token, at: now) else {
            return (.html(400, page("Token not valid", "<p>This token is unknown or has expired. Ask the application for a new one.</p>")), "auth page → unknown or expired token")
        }
        if request.method == "POST" {
            let allow = request.parameters["action"] == "allow"
            let user = (request.parameters["user"] ?? "").isEmpty ? configuration.defaultUser : request.parameters["user"]!
            guard tokens.decide(token, user: allow ? user : nil, at: now) else {
                return (.html(409, page("Already answered", "<p>This token was already approved or denied.</p>")), "auth page → token already decided")
            }
            let text = allow
                ? "<p>Access granted to <b>\(html(configuration.applicationName))</b> as <b>\(html(user))</b>. You can close this window and return to the application.</p>"
                : "<p>Access denied. You can close this window.</p>"
            return (.html(200, page(allow ? "Access granted" : "Access denied", text)), "auth page → \(allow ? "allowed" : "denied")")
        }
        let form = """
            <p><b>\(html(configuration.applicationName))</b> would like to use your account.</p>
            <form method="post" action="/api/auth/">
            <input type="hidden" name="api_key" value="\(html(key))">
            <input type="hidden" name="token" value="\(html(token))">
            <p><label>User name <input name="user" value="\(html(configuration.defaultUser))"></label></p>
            <p><button name="action" value="allow">Allow access</button>
            <button name="action" value="deny">Deny</button></p>
            </form>
            """
        return (.html(200, page("Connect your account", form)), "auth page → shown")
    }

    private func page(_ title: String, _ body: String) -> String {
        """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>\(html(title)) - lastfm-auth sandbox</title></head>
        <body><h1>\(html(title))</h1>
        \(body)
        <p><small>lastfm-auth sandbox: a Last.fm-compatible test server on this machine.</small></p>
        </body></html>

        """
    }

    private func html(_ text: String) -> String {
        APIResponder.escape(text, json: false)
    }
}

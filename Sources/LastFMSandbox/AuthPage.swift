/// The sandbox's stand-in for `https://www.last.fm/api/auth/`: a page with Allow and Deny (GNU FM's:
/// any key, one Submit button).
struct AuthPage: Sendable {
    let configuration: SandboxConfiguration
    let tokens: TokenRegistry

    /// `GET /api/auth/?api_key=K&token=T` shows the question; `POST /api/auth/` records the answer.
    func respond(to request: SandboxRequest, at now: ContinuousClock.Instant) -> (SandboxReply, String) {
        let key = request.parameters["api_key"] ?? ""
        let token = request.parameters["token"] ?? ""
        guard key == configuration.apiKey || !configuration.flavor.checksAPIKeys else {
            return (.html(400, HTMLPage.render("Unknown application", "<p>This API key is not known to the sandbox.</p>")), "auth page → unknown api_key")
        }
        guard tokens.isLive(token, at: now) else {
            return (.html(400, HTMLPage.render("Token not valid", "<p>This token is unknown or has expired. Ask the application for a new one.</p>")), "auth page → unknown or expired token")
        }
        if request.method == "POST" {
            let allow = request.parameters["action"] == "allow"
            let user = (request.parameters["user"] ?? "").isEmpty ? configuration.defaultUser : request.parameters["user"]!
            guard tokens.decide(token, user: allow ? user : nil, at: now) else {
                return (.html(409, HTMLPage.render("Already answered", "<p>This token was already approved or denied.</p>")), "auth page → token already decided")
            }
            let text = allow
                ? "<p>Access granted to <b>\(HTMLPage.escape(configuration.applicationName))</b> as <b>\(HTMLPage.escape(user))</b>. You can close this window and return to the application.</p>"
                : "<p>Access denied. You can close this window.</p>"
            return (.html(200, HTMLPage.render(allow ? "Access granted" : "Access denied", text)), "auth page → \(allow ? "allowed" : "denied")")
        }
        let buttons = configuration.flavor == .gnufm
            ? #"<button name="action" value="allow">Submit</button>"#
            : #"<button name="action" value="allow">Allow access</button> <button name="action" value="deny">Deny</button>"#
        let form = """
            <p><b>\(HTMLPage.escape(configuration.applicationName))</b> would like to use your account.</p>
            <form method="post" action="/api/auth/">
            <input type="hidden" name="api_key" value="\(HTMLPage.escape(key))">
            <input type="hidden" name="token" value="\(HTMLPage.escape(token))">
            <p><label>User name <input name="user" value="\(HTMLPage.escape(configuration.defaultUser))"></label></p>
            <p>\(buttons)</p>
            </form>
            """
        return (.html(200, HTMLPage.render("Connect your account", form)), "auth page → shown")
    }
}

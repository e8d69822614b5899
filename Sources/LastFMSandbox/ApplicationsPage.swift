/// The sandbox's stand-in for `https://www.last.fm/settings/applications`: every session it
/// issued, with a Revoke button each; a revoked session's key then answers error 9.
struct ApplicationsPage: Sendable {
    let configuration: SandboxConfiguration
    let sessions: SessionRegistry

    /// `GET /settings/applications` lists; `POST` with `session=ID` revokes that session.
    func respond(to request: SandboxRequest) -> (SandboxReply, String) {
        if request.method == "POST" {
            let id = request.parameters["session"] ?? ""
            guard sessions.revoke(id: id) else {
                return (.html(404, HTMLPage.render("No such session", "<p>This session is unknown or already revoked.</p>" + backLink)),
                        "applications page → unknown session")
            }
            return (.html(200, HTMLPage.render("Access revoked", "<p>The application can no longer use this session.</p>" + backLink)),
                    "applications page → session revoked")
        }
        let rows = sessions.all.map { session in
            let action = session.revoked
                ? "revoked"
                : """
                <form method="post" action="/settings/applications"><input type="hidden" name="session" value="\(session.id)">\
                <button name="action" value="revoke">Revoke access</button></form>
                """
            // The key's last characters tell sessions of the same user apart, as a card's last digits do.
            return "<tr><td>\(HTMLPage.escape(configuration.applicationName))</td><td>\(HTMLPage.escape(session.user))</td><td>...\(session.key.suffix(4))</td><td>\(action)</td></tr>"
        }
        let body = rows.isEmpty
            ? "<p>No application is connected yet.</p>"
            : "<table>\n<tr><th>Application</th><th>User</th><th>Session key</th><th></th></tr>\n" + rows.joined(separator: "\n") + "\n</table>"
        return (.html(200, HTMLPage.render("Applications", body)), "applications page → shown")
    }

    private var backLink: String { "<p><a href=\"/settings/applications\">Back to applications</a></p>" }
}

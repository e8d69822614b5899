/// Approves a token on a running sandbox over HTTP, exactly as its authorize page's Allow button
/// does (`POST /api/auth/`), so a client needs no handle on the sandbox's process to do it.
public enum SandboxApproval {
    /// What the sandbox answered.
    public enum Outcome: Equatable, Sendable {
        /// The token is approved; the next `auth.getSession` returns a session.
        case approved
        /// The token was already approved or denied, has expired, or is not one the sandbox issued.
        case notPending
        /// The sandbox could not be asked, or answered something else (the reason, for a person).
        case failed(String)
    }

    /// Approves `token` for `apiKey` as `user` (the sandbox's default user when nil).
    public static func approve(token: String, apiKey: String = SandboxAccount.apiKey, user: String? = nil,
                               at address: SandboxAddress, via transport: any HTTPTransport) async -> Outcome {
        var form = [("action", "allow"), ("api_key", apiKey), ("token", token)]
        if let user { form.append(("user", user)) }
        let request = HTTPRequest(method: .post, url: address.authPage,
                                  headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                                  body: Array(FormEncoding.encode(form).utf8))
        do {
            let response = try await transport.send(request)
            switch response.status {
            case 200: return .approved
            case 400, 409: return .notPending
            default: return .failed(L("the sandbox answered HTTP {status}", ["status": "\(response.status)"]))
            }
        } catch {
            return .failed(error.description)
        }
    }
}

// Connects a Last.fm account to your program: the desktop auth flow in a page of code.
// Run it with LASTFM_API_KEY and LASTFM_API_SECRET set (your application's, from
// https://www.last.fm/api/account/create); LASTFM_API_ROOT and LASTFM_AUTH_URL point it at
// another compatible server, such as `lastfm-auth sandbox`.
import LastFMAuth
#if canImport(Glibc)
import Glibc  // exit()
#endif

let environment = ProcessEnvironment.current()

// 1. The service, and your application's API key and shared secret.
var service = Service.lastfm
if let root = environment["LASTFM_API_ROOT"], let page = environment["LASTFM_AUTH_URL"] {
    service = try Service.custom(apiRoot: root, authPage: page)
}
let apiKey = environment["LASTFM_API_KEY"] ?? ""
let secret = environment["LASTFM_API_SECRET"] ?? ""

// 2. A client (libcurl underneath: proxies and CAs from the environment, as curl reads them)
//    and the flow, which keeps the session in lastfm-auth's credentials file.
let client = LastFMClient(service: service, apiKey: apiKey, secret: secret, transport: CurlTransport(environment: environment))
guard let path = CredentialsStore.defaultPath(environment: environment) else { fatalError("set HOME") }
let flow = AuthFlow(client: client, credentials: CredentialsStore(path: path), profileName: "default")

// 3. A token, or the one an interrupted run left (good for 60 minutes), and the page to approve it.
//    Trouble that may pass (a network error, a busy server) is retried with backoff; a program
//    nobody watches (attended: false) gets a clear end after a few tries.
var grant: TokenGrant?
for await state in flow.requestToken(attended: false, clock: ContinuousClock()) {
    switch state {
    case .asking: continue
    case .retrying(let problem, _, let delay): print(Wording.tokenTrouble(problem, retryingIn: delay))
    case .received(let token): grant = token
    case .failed(let error, _): print(Wording.tokenRefused(error))
    }
}
guard let grant else { exit(1) }
print("Open this address, sign in and allow access:\n\(grant.authorizeURL)")

// 4. Wait: a check every few seconds, backing off when the network or server has trouble,
//    until the user approves, the token expires, or the server refuses for good.
for await update in flow.wait(for: grant, clock: ContinuousClock(), checkNow: CheckNowSignal()) {
    // With a `LoopbackCallback` (and `flow.browserPage` handed to a browser here), a browser's
    // return also comes in; without one, only the polling's states do.
    guard case .state(let state) = update else { continue }
    switch state {
    case .waiting, .retrying(_, _, _, _):
        continue
    case .authorized(let session):
        // 5. Save it. If saving fails, show the key: the user should not have to approve twice.
        do {
            try flow.save(session)
            print("Connected as \(session.username); saved to \(path).")
        } catch {
            print("Connected as \(session.username), but not saved (\(error)). Session key: \(session.key)")
        }
    case .expired:
        flow.discardPendingToken()
        print("The token expired before it was approved; run again for a new one.")
    case .failed(let error):
        print("The server refused: \(error)")
    }
}

import LastFMAuth
import Testing

/// The page the browser lands on: the vocabulary's words, nothing secret, nothing from the request.
@Suite("The page at the loopback callback")
struct CallbackPageTests {
    @Test("connected: the account and the way back to the terminal; a user name is escaped")
    func connected() {
        let page = CallbackPage.connected(service: "Last.fm", username: "<script>alert(1)</script>")
        #expect(page.status == 200)
        #expect(page.html.contains("<h1>Connected</h1>"))
        #expect(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; on Last.fm. You can close this tab and return to the terminal."))
        #expect(!page.html.contains("<script>"))
    }

    @Test("each page says what happened; refusals say only that the address is not ours")
    func pages() {
        #expect(CallbackPage.declined.html.contains("Access was not granted"))
        #expect(CallbackPage.notUsable("Invalid API key.").html.contains("The server did not accept this approval: Invalid API key. Return"))
        // The fronts' sentences end without a full stop; the page's ends with one, once.
        let refused = Wording.sentence(.api(code: 10, message: "Invalid API key", retryAfter: nil))
        #expect(CallbackPage.notUsable(refused).html.contains("Error 10 from the server: Invalid API key. Return to the terminal"))
        #expect(CallbackPage.over.html.contains("no longer waiting"))
        #expect(CallbackPage.refused(.notFound).status == 404)
        #expect(CallbackPage.refused(.wrongHost).html.contains("<h1>Not found</h1>"))
    }
}

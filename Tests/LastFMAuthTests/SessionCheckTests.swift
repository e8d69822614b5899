import LastFMAuth
import Testing
import TestSupport

@Suite("What a session check's answer means")
struct SessionCheckTests {
    static func check(_ body: String, status: Int = 200) async -> SessionCheck {
        let client = LastFMClient(service: .lastfm, apiKey: TestCredentials.apiKey, secret: TestCredentials.secret,
                                  transport: CannedTransport(status: status, body: body))
        return await SessionCheck.run(client, sessionKey: TestCredentials.sessionKey)
    }

    @Test("a user is connected; 9 is revoked; 10, 13 and 26 are the key's problem")
    func definiteAnswers() async {
        #expect(await Self.check(#"{"user":{"name":"alice"}}"#) == .connected(user: "alice"))
        #expect(await Self.check(#"{"error":9,"message":"Invalid session key - Please re-authenticate"}"#, status: 403) == .revoked)
        for code in [10, 13, 26] {
            #expect(await Self.check(#"{"error":\#(code),"message":"m"}"#) == .keyRefused(.api(code: code, message: "m")))
        }
    }

    @Test("GNU FM (6 in its own error shape, user demanded) and servers without the method (3) cannot check, never 'connected'")
    func unverifiable() async {
        let gnuFM = await Self.check(##"{"error":{"#text":"Invalid parameters","code":"6"}}"##)
        #expect(gnuFM == .unverifiable(.api(code: 6, message: "Invalid parameters")))
        #expect(await Self.check(#"{"error":3,"message":"Invalid Method"}"#) == .unverifiable(.api(code: 3, message: "Invalid Method")))
        #expect(gnuFM.isGood && !SessionCheck.revoked.isGood)
    }

    @Test("transient trouble is 'could not check'; anything else is a failed check", arguments: [
        (#"{"error":11,"message":"m"}"#, 200, true),
        ("<html>captive portal</html>", 200, true),
        ("", 503, true),
        (#"{"error":4,"message":"m"}"#, 200, false),
        (#"{"error":7,"message":"m"}"#, 200, false),
    ])
    func uncertain(body: String, status: Int, transient: Bool) async {
        switch await Self.check(body, status: status) {
        case .couldNotCheck: #expect(transient)
        case .failed: #expect(!transient)
        case let other: Issue.record("unexpected \(other)")
        }
    }
}

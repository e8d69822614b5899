import LastFMAuth
import Testing

@Suite("Parsing answers")
struct AnswerParserTests {
    static let token = "cf45fe5a3e3cebe168480a086d7fe481"
    static let alice = Session(username: "alice", key: "d580d57f32848f5dcf574d1ce18d78b2")

    @Test("the documented shapes, JSON and XML, give the same typed answer", arguments: [
        (#"{"token":"cf45fe5a3e3cebe168480a086d7fe481"}"#, Answer.token(token)),
        (#"<lfm status="ok"><token>cf45fe5a3e3cebe168480a086d7fe481</token></lfm>"#, .token(token)),
        (#"{"session":{"name":"alice","key":"d580d57f32848f5dcf574d1ce18d78b2","subscriber":0}}"#, .session(alice)),
        (#"<lfm status="ok"><session><name>alice</name><key>d580d57f32848f5dcf574d1ce18d78b2</key><subscriber>0</subscriber></session></lfm>"#, .session(alice)),
        (#"{"error":14,"message":"Unauthorized Token - This token has not been authorized"}"#, .error(code: 14, message: "Unauthorized Token - This token has not been authorized")),
        (#"<lfm status="failed"><error code="14">Unauthorized Token - This token has not been authorized</error></lfm>"#, .error(code: 14, message: "Unauthorized Token - This token has not been authorized")),
    ])
    func documentedShapes(body: String, expected: Answer) throws {
        #expect(try AnswerParser.parse(Array(body.utf8)) == expected)
    }

    @Test("user.getInfo's answer gives the user's name, JSON and XML, whatever else comes with it", arguments: [
        ##"{"user":{"name":"alice","realname":"Alice","playcount":"12","image":[{"#text":"","size":"small"}],"registered":{"unixtime":"1","#text":1}}}"##,
        "<?xml version=\"1.0\"?>\n<lfm status=\"ok\"><user><id>7</id><name> alice </name><realname/></user></lfm>",
    ])
    func userInfo(body: String) throws {
        #expect(try AnswerParser.parse(Array(body.utf8)) == .user(name: "alice"))
    }

    @Test("GNU FM's other error shape, {\"error\":{\"#text\":…,\"code\":\"6\"}}, keeps its code and message")
    func gnuFMErrorObject() throws {
        let body = ##"{"error":{"#text":"Invalid parameters - Your request is missing a required parameter","code":"6"}}"##
        #expect(try AnswerParser.parse(Array(body.utf8)) == .error(code: 6, message: "Invalid parameters - Your request is missing a required parameter"))
    }

    @Test("what real servers add: extra fields, numbers as strings, whitespace, a declaration, a BOM", arguments: [
        #"{"message":"Invalid API key","error":"10","links":[]}"#,
        "\n  {\"error\": 10 , \"message\" : \"Invalid API key\"}\n",
        "\u{FEFF}<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<lfm status=\"failed\">\n  <error code=\" 10 \">\n  Invalid API key\n  </error>\n</lfm>\n",
        "<!-- generated --><lfm status=\"failed\"><error code=\"10\"><![CDATA[Invalid API key]]></error></lfm>",
    ])
    func realServerShapes(body: String) throws {
        #expect(try AnswerParser.parse(Array(body.utf8)) == .error(code: 10, message: "Invalid API key"))
    }

    @Test("subscriber as a string and unknown session fields are fine")
    func lenientSession() throws {
        let body = #"{"session":{"subscriber":"0","name":"Zoë 日本","key":"d580d57f32848f5dcf574d1ce18d78b2","extra":{"a":[1,2]}}}"#
        #expect(try AnswerParser.parse(Array(body.utf8)) == .session(Session(username: "Zoë 日本", key: "d580d57f32848f5dcf574d1ce18d78b2")))
    }

    @Test("every error code of the seed, plus 14 and 15, keeps its code in both formats", arguments: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 26, 29])
    func everyErrorCode(code: Int) throws {
        let json = #"{"error":\#(code),"message":"m"}"#
        let xml = #"<lfm status="failed"><error code="\#(code)">m</error></lfm>"#
        #expect(try AnswerParser.parse(Array(json.utf8)) == .error(code: code, message: "m"))
        #expect(try AnswerParser.parse(Array(xml.utf8)) == .error(code: code, message: "m"))
        #expect(APIErrorCode(rawValue: code) != nil)
    }

    @Test("XML entities and character references are decoded")
    func entities() throws {
        let body = #"<lfm status="failed"><error code="6">a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#233; &#x65E5;</error></lfm>"#
        #expect(try AnswerParser.parse(Array(body.utf8)) == .error(code: 6, message: #"a <b> & "c" 'd' é 日"#))
    }

    @Test("server text is sanitised: no escape sequences reach the user")
    func sanitisedMessage() throws {
        let body = "{\"error\":6,\"message\":\"bad\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2Jthing\\u202e\"}"
        #expect(try AnswerParser.parse(Array(body.utf8)) == .error(code: 6, message: "badthing"))
    }

    @Test("garbage of every kind is a bad response, never a crash", arguments: [
        "", "   ", "null", "[]", "42", "<html><body>502 Bad Gateway</body></html>", "{\"token\":", "{\"token\":42}",
        "{\"session\":{\"name\":\"a\"}}", "{\"unrelated\":true}", "{\"error\":\"abc\",\"message\":\"x\"}",
        "<lfm status=\"ok\"></lfm>", "<lfm><token>cf45fe5a3e3cebe168480a086d7fe481</lfm>", "<lfm status=\"ok\"><token>x</token></lfm>",
        "<lfm><error>no code</error></lfm>", "<lfm><session><name>a</name></session></lfm>",
        "{\"token\":\"cf45fe5a3e3cebe168480a086d7fe48\"}", "{\"token\":\"cf45fe5a3e3cebe168480a086d7fe4\\u001b1\"}",
        "{\"token\":\"../../../etc/passwd&x=1#aaaaaaaaaaaaaa\"}",
        "{\"session\":{\"name\":\"a\",\"key\":\"has space in it\"}}", "{\"session\":{\"name\":\"\\u001b\",\"key\":\"abc\"}}",
        "<lfm status=\"ok\"><token>cf45fe5a3e3cebe168480a086d7fe481</token></lfm><extra/>",
        "<lfm status=\"ok\"><token>&unknown;</token></lfm>", "<lfm status=\"ok\"><token>&#0;</token></lfm>",
        "<?xml version=\"1.0\"?><?evil?><lfm/>",
    ])
    func garbage(body: String) {
        #expect(throws: AuthError.self) { try AnswerParser.parse(Array(body.utf8)) }
    }

    @Test("a DOCTYPE is refused before anything in it is read: billion laughs, external entities")
    func doctypeRefused() {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <lfm status="ok"><token>&lol2;</token></lfm>
            """
        let external = """
            <?xml version="1.0"?><!DOCTYPE lfm [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><lfm status="ok"><token>&xxe;</token></lfm>
            """
        for body in [laughs, external] {
            #expect {
                try AnswerParser.parse(Array(body.utf8))
            } throws: { error in
                guard case .badResponse(let detail) = error as? AuthError else { return false }
                return detail.contains("DOCTYPE")
            }
        }
    }

    @Test("invalid UTF-8 and bodies over 1 MiB are refused")
    func bytesRefused() {
        #expect(throws: AuthError.badResponse("the answer is not valid UTF-8")) {
            try AnswerParser.parse([0x7B, 0xFF, 0xFE, 0x7D])
        }
        let huge = Array(#"{"token":""#.utf8) + [UInt8](repeating: 0x61, count: 1 << 20) + Array(#""}"#.utf8)
        #expect(throws: AuthError.badResponse("the answer is larger than 1 MiB")) { try AnswerParser.parse(huge) }
    }

    @Test("deep nesting is refused, not a stack overflow")
    func deepNesting() {
        let body = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(throws: AuthError.self) { try AnswerParser.parse(Array(body.utf8)) }
    }

    @Test("the reason for refusing an answer is sanitised too (fuzz finding)")
    func sanitisedReason() {
        // Found by Fuzz/run (FuzzAnswerParser): an XML element name with a C1 control (U+0092)
        // reached the reason, which is shown to the user.
        do throws(AuthError) {
            _ = try AnswerParser.parse(Array("<h>l<h\u{92}Ó>".utf8))
            Issue.record("parsed")
        } catch {
            guard case .badResponse(let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason == Sanitizer.clean(reason))
            #expect(!reason.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        }
    }

    /// Issue #37: limits count what is drawn and kept, not what is easy to count.
    @Test("a megabyte of error text is cut to a screen's worth before anything draws or logs it, in JSON and XML")
    func errorTextBounded() throws {
        let huge = String(repeating: "slow down ", count: 100_000)
        for body in [#"{"error":29,"message":"\#(huge)"}"#, "<lfm status=\"failed\"><error code=\"29\">\(huge)</error></lfm>"] {
            guard case .error(let code, let message) = try AnswerParser.parse(Array(body.utf8)) else { Issue.record("not an error"); continue }
            #expect(code == 29)
            #expect(message.count == 300 && message.hasPrefix("slow down slow down") && message.hasSuffix("..."), "\(message.count)")
        }
        #expect(Sanitizer.bounded("short") == "short")
    }

    @Test("a user name over 256 bytes is refused, however few characters it looks like (combining marks)")
    func usernameInBytes() throws {
        let heavy = String(repeating: "a" + String(repeating: "\u{0301}", count: 9000), count: 100)
        #expect(heavy.count == 100 && heavy.utf8.count > 1_000_000)
        let body = #"{"session":{"name":"\#(heavy)","key":"0123456789abcdef0123456789abcdef","subscriber":0}}"#
        #expect(throws: AuthError.self) { try AnswerParser.parse(Array(body.utf8)) }
        let fine = String(repeating: "名", count: 85)
        #expect(try AnswerParser.parse(Array(#"{"session":{"name":"\#(fine)","key":"0123456789abcdef0123456789abcdef","subscriber":0}}"#.utf8))
                == .session(Session(username: fine, key: "0123456789abcdef0123456789abcdef")))
    }
}

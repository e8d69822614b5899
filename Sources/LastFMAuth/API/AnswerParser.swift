#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns a response body (JSON or XML, whatever was asked for) into an `Answer`.
///
/// Every way a body can be wrong (too big, not UTF-8, neither JSON nor XML, a wrong shape, a token
/// or key with unexpected characters) becomes `AuthError.badResponse`; nothing here can crash.
public enum AnswerParser {
    /// Parses `body`; `Answer.error` comes back as a value, not thrown.
    public static func parse(_ body: [UInt8]) throws(AuthError) -> Answer {
        guard body.count <= HTTPResponse.maxBodySize else { throw .badResponse("the answer is larger than 1 MiB") }
        guard let text = String(validating: body, as: UTF8.self) else { throw .badResponse("the answer is not valid UTF-8") }
        switch text.unicodeScalars.first(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }) {
        case "{": return try parseJSON(body)
        case "<": return try parseXML(text)
        case nil: throw .badResponse("the answer is empty")
        default: throw .badResponse("the answer is neither JSON nor XML (it begins \"\(preview(text))\")")
        }
    }

    // MARK: JSON

    private struct JSONAnswer: Decodable {
        var token: String?
        var session: JSONSession?
        var user: JSONUser?
        var error: JSONErrorCode?
        var message: String?
    }

    private struct JSONUser: Decodable {
        var name: String
    }

    /// An error code as Last.fm sends it (a number or a string of digits), or as GNU FM's
    /// non-auth methods do: `{"#text": "message", "code": "6"}`.
    private struct JSONErrorCode: Decodable {
        var code: Int
        var message: String?

        private enum Keys: String, CodingKey {
            case code
            case text = "#text"
        }

        init(from decoder: any Decoder) throws {
            if let object = try? decoder.container(keyedBy: Keys.self) {
                code = try object.decode(LenientInt.self, forKey: .code).value
                message = try object.decodeIfPresent(String.self, forKey: .text)
            } else {
                code = try LenientInt(from: decoder).value
            }
        }
    }

    private struct JSONSession: Decodable {
        var name: String
        var key: String
    }

    /// An integer sent as a number or as a string of digits, as servers do.
    private struct LenientInt: Decodable {
        var value: Int
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { value = number; return }
            let text = try container.decode(String.self)
            guard let number = Int(text.trimmingWhitespace()) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a number")
            }
            value = number
        }
    }

    private static func parseJSON(_ body: [UInt8]) throws(AuthError) -> Answer {
        let answer: JSONAnswer
        do {
            answer = try JSONDecoder().decode(JSONAnswer.self, from: Data(body))
        } catch {
            throw .badResponse("malformed JSON or unexpected shape")
        }
        if let error = answer.error {
            return .error(code: error.code, message: Sanitizer.bounded(answer.message ?? error.message ?? ""))
        }
        if let token = answer.token { return .token(try checkedToken(token)) }
        if let session = answer.session { return .session(try checkedSession(name: session.name, key: session.key)) }
        if let user = answer.user { return .user(name: try checkedUsername(user.name)) }
        throw .badResponse("JSON with neither token, session, user nor error")
    }

    // MARK: XML

    private static func parseXML(_ text: String) throws(AuthError) -> Answer {
        let root: XMLElement
        do { root = try XMLReader.parse(text) } catch { throw .badResponse("XML refused: \(Sanitizer.clean(error.description))") }
        guard root.name == "lfm" else { throw .badResponse("XML root is <\(Sanitizer.clean(root.name))>, not <lfm>") }
        if let error = root.child("error") {
            guard let code = Int(error.attributes["code"]?.trimmingWhitespace() ?? "") else {
                throw .badResponse("<error> without a numeric code")
            }
            return .error(code: code, message: Sanitizer.bounded(error.text.trimmingWhitespace()))
        }
        if let token = root.child("token") { return .token(try checkedToken(token.text.trimmingWhitespace())) }
        if let session = root.child("session") {
            guard let name = session.child("name")?.text, let key = session.child("key")?.text else {
                throw .badResponse("<session> without <name> and <key>")
            }
            return .session(try checkedSession(name: name.trimmingWhitespace(), key: key.trimmingWhitespace()))
        }
        if let user = root.child("user") {
            guard let name = user.child("name")?.text else { throw .badResponse("<user> without <name>") }
            return .user(name: try checkedUsername(name))
        }
        throw .badResponse("<lfm> with neither token, session, user nor error")
    }

    // MARK: Checks

    /// A token must be 32 letters or digits: it goes into a URL and onto the screen.
    static func checkedToken(_ token: String) throws(AuthError) -> String {
        guard token.utf8.count == 32, token.utf8.allSatisfy(isAlphanumeric) else {
            throw .badResponse("the token is not 32 letters and digits")
        }
        return token
    }

    /// A session key is 1 to 128 letters, digits, `-` or `_`; a user name is any non-empty text, sanitised.
    static func checkedSession(name: String, key: String) throws(AuthError) -> Session {
        guard (1...128).contains(key.utf8.count),
              key.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { throw .badResponse("the session key has unexpected characters or length") }
        return Session(username: try checkedUsername(name), key: key)
    }

    /// A user name is any non-empty text up to 256 bytes, sanitised: counted in bytes, since a
    /// few characters can carry a megabyte of combining marks, which every save and screen would keep.
    static func checkedUsername(_ name: String) throws(AuthError) -> String {
        guard name.utf8.count <= 4 * maxUsernameBytes else { throw .badResponse("the user name is empty or too long") }
        let username = Sanitizer.clean(name).trimmingWhitespace()
        guard !username.isEmpty, username.utf8.count <= maxUsernameBytes else { throw .badResponse("the user name is empty or too long") }
        return username
    }

    /// The longest user name taken, in bytes of UTF-8.
    static let maxUsernameBytes = 256

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func preview(_ text: String) -> String {
        String(Sanitizer.clean(text.prefix(24)))
    }
}

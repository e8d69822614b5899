import LastFMAuth

/// libFuzzer entry point: one input is one response body.
func fuzzAnswerParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = Array(UnsafeBufferPointer(start: data, count: size))  // start is nil for an empty input
    let answer: Answer
    do throws(AuthError) {
        answer = try AnswerParser.parse(body)
    } catch {
        guard case .badResponse(let reason) = error else { fatalError("parse threw a non-parse error: \(error)") }
        check(Sanitizer.clean(reason) == reason, "the reason for a bad answer carries raw control characters")
        return 0
    }
    switch answer {
    case .token(let token):
        check(token.utf8.count == 32 && token.utf8.allSatisfy { isASCIIAlphanumeric($0) }, "a token that is not 32 letters/digits was accepted")
    case .session(let session):
        check(Sanitizer.clean(session.username) == session.username, "a user name with control characters got through")
        check(session.key.utf8.allSatisfy { isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }, "a session key that could break a file or the screen got through")
    case .user(let name):
        check(!name.isEmpty && Sanitizer.clean(name) == name, "an empty user name or one with control characters got through")
    case .error(_, let message):
        check(Sanitizer.clean(message) == message, "an error message with control characters got through")
    }
    return 0
}

private func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
}

/// A broken invariant is a finding: crash so libFuzzer saves the input.
private func check(_ condition: Bool, _ message: String) {
    if !condition { fatalError(message) }
}

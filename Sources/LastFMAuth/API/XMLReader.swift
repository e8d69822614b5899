/// A strict, small XML reader for Last.fm answers.
///
/// It reads elements, attributes, character data, CDATA, comments, an XML declaration, the five
/// predefined entities and character references. Anything that could make a parser do surprising
/// work is refused before it is read: a DOCTYPE (so no entity definitions, no billion laughs, no
/// external entities), processing instructions other than the declaration, unknown entities, and
/// nesting deeper than `maxDepth`.
public struct XMLReader {
    /// Why a document was refused, with the byte offset.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// What was wrong.
        public var reason: String
        /// Where, in UTF-8 bytes from the start.
        public var offset: Int
        public var description: String { "\(reason) at byte \(offset)" }
    }

    /// The deepest nesting read; deeper is refused (no Last.fm answer comes close).
    public static let maxDepth = 32

    private let bytes: [UInt8]
    private var position = 0

    /// Parses `text` and returns its root element.
    public static func parse(_ text: String) throws(Failure) -> XMLElement {
        var reader = XMLReader(bytes: Array(text.utf8))
        return try reader.document()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func document() throws(Failure) -> XMLElement {
        if starts(with: "\u{FEFF}") { position += 3 }
        skipWhitespace()
        if starts(with: "<?xml") {
            guard let end = find("?>") else { throw fail("unterminated XML declaration") }
            position = end + 2
        }
        try skipMisc()
        guard peek == UInt8(ascii: "<") else { throw fail("no root element") }
        let root = try element(depth: 1)
        try skipMisc()
        guard position == bytes.count else { throw fail("content after the root element") }
        return root
    }

    /// Whitespace and comments outside the root; a DOCTYPE or PI here is refused.
    private mutating func skipMisc() throws(Failure) {
        while true {
            skipWhitespace()
            if starts(with: "<!--") { try comment() }
            else if starts(with: "<!") { throw fail("DOCTYPE and other declarations are not allowed") }
            else if starts(with: "<?") { throw fail("processing instructions are not allowed") }
            else { return }
        }
    }

    private mutating func comment() throws(Failure) {
        guard let end = find("-->", from: position + 4) else { throw fail("unterminated comment") }
        position = end + 3
    }

    private mutating func element(depth: Int) throws(Failure) -> XMLElement {
        guard depth <= XMLReader.maxDepth else { throw fail("elements nested too deeply") }
        position += 1  // "<"
        var node = XMLElement(name: try name())
        while true {
            skipWhitespace()
            if starts(with: "/>") { position += 2; return node }
            if peek == UInt8(ascii: ">") { position += 1; break }
            let attributeName = try name()
            skipWhitespace()
            guard peek == UInt8(ascii: "=") else { throw fail("expected '=' after attribute name") }
            position += 1
            skipWhitespace()
            guard let quote = peek, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw fail("attribute value must be quoted")
            }
            position += 1
            guard node.attributes[attributeName] == nil else { throw fail("duplicate attribute") }
            node.attributes[attributeName] = try characterData(until: quote)
            position += 1
        }
        while true {
            guard position < bytes.count else { throw fail("unterminated element <\(node.name)>") }
            if starts(with: "</") {
                position += 2
                guard try name() == node.name else { throw fail("mismatched closing tag for <\(node.name)>") }
                skipWhitespace()
                guard peek == UInt8(ascii: ">") else { throw fail("expected '>'") }
                position += 1
                return node
            } else if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<![CDATA[") {
                guard let end = find("]]>", from: position + 9) else { throw fail("unterminated CDATA") }
                node.text += try utf8(bytes[(position + 9)..<end])
                position = end + 3
            } else if starts(with: "<!") || starts(with: "<?") {
                throw fail("declarations and processing instructions are not allowed")
            } else if peek == UInt8(ascii: "<") {
                node.children.append(try element(depth: depth + 1))
            } else {
                node.text += try characterData(until: UInt8(ascii: "<"))
            }
        }
    }

    /// Text up to (not including) `terminator`, with entities and character references decoded.
    private mutating func characterData(until terminator: UInt8) throws(Failure) -> String {
        var out: [UInt8] = []
        while let byte = peek, byte != terminator {
            if byte == UInt8(ascii: "&") {
                out += try entity()
            } else if byte == UInt8(ascii: "<") {
                throw fail("'<' inside an attribute value")
            } else {
                out.append(byte)
                position += 1
            }
        }
        guard peek == terminator else { throw fail("unexpected end of document") }
        return try utf8(out[...])
    }

    private mutating func entity() throws(Failure) -> [UInt8] {
        let start = position
        guard let end = bytes[position...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw fail("unterminated entity reference")
        }
        let body = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        position = end + 1
        switch body {
        case "lt": return Array("<".utf8)
        case "gt": return Array(">".utf8)
        case "amp": return Array("&".utf8)
        case "quot": return Array("\"".utf8)
        case "apos": return Array("'".utf8)
        default:
            guard body.hasPrefix("#") else { position = start; throw fail("unknown entity &\(Sanitizer.clean(body));") }
            let digits = body.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else {
                position = start
                throw fail("invalid character reference")
            }
            return Array(String(Character(scalar)).utf8)
        }
    }

    private mutating func name() throws(Failure) -> String {
        let start = position
        while let byte = peek, isNameByte(byte) { position += 1 }
        guard position > start else { throw fail("expected a name") }
        return try utf8(bytes[start..<position])
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
             UInt8(ascii: "."), UInt8(ascii: ":"), 0x80...0xFF:
            true
        default:
            false
        }
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    private func starts(with text: String) -> Bool {
        let pattern = Array(text.utf8)
        return bytes.count - position >= pattern.count && bytes[position..<(position + pattern.count)].elementsEqual(pattern)
    }

    private func find(_ text: String, from start: Int? = nil) -> Int? {
        let pattern = Array(text.utf8)
        var index = start ?? position
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    private func utf8(_ slice: ArraySlice<UInt8>) throws(Failure) -> String {
        guard let text = String(validating: slice, as: UTF8.self) else { throw fail("invalid UTF-8") }
        return text
    }

    private func fail(_ reason: String) -> Failure { Failure(reason: reason, offset: position) }
}

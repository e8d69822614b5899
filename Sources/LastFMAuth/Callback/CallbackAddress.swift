/// Where the browser is sent back after approval: 127.0.0.1 (never a name a DNS answer could
/// move, never another interface), the listener's port, and a path with 128 random bits, so a
/// process or page that finds the port cannot hand over a token of its own.
public struct CallbackAddress: Equatable, Sendable {
    /// The listener's port.
    public let port: UInt16
    /// `/` and 32 hexadecimal digits from the system's random source.
    let path: String

    /// An address at `port` with a fresh random path.
    static func random(port: UInt16) -> CallbackAddress {
        var generator = SystemRandomNumberGenerator()
        let bits = (0..<2).map { _ in generator.next() as UInt64 }
        let hex = bits.map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
        return CallbackAddress(port: port, path: "/" + hex)
    }

    init(port: UInt16, path: String) {
        self.port = port
        self.path = path
    }

    /// The address to put in the authorize page's `cb`.
    public var url: String { "http://\(host)\(path)" }

    /// The `Host` a browser sends for `url`.
    var host: String { "127.0.0.1:\(port)" }

    /// Whether `candidate` is this address's path, compared in constant time (its length is public).
    func isPath(_ candidate: String) -> Bool {
        let expected = Array(path.utf8), given = Array(candidate.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }
}

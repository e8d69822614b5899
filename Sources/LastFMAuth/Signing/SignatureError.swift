/// A request could not be signed: the system's libcrypto is missing or refuses MD5.
public struct SignatureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public var description: String

    init(_ description: String) { self.description = description }
}

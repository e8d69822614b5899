/// Why a service address was refused.
public enum ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not an absolute `http://` or `https://` address.
    case notAnAddress(String)
    /// Plain HTTP to a host that is not this machine: the token and session key would travel in the clear.
    case insecure(String)

    public var description: String {
        switch self {
        case .notAnAddress(let text):
            L("'{address}' is not an http(s) address", ["address": "\(Sanitizer.clean(text))"])
        case .insecure(let text):
            L("'{address}' uses plain http:// for a remote host; use https:// (http is only allowed for 127.0.0.1, ::1 and localhost)", ["address": "\(Sanitizer.clean(text))"])
        }
    }
}

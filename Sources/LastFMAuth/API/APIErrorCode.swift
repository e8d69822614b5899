/// The Last.fm API error codes that the auth flow can meet, with what each means for the user.
public enum APIErrorCode: Int, Equatable, Sendable, CaseIterable {
    /// 2: this service does not exist.
    case invalidService = 2
    /// 3: no method with that name.
    case invalidMethod = 3
    /// 4: authentication failed (GNU FM: missing or spent token).
    case authenticationFailed = 4
    /// 5: this service does not exist in that format.
    case invalidFormat = 5
    /// 6: a required parameter is missing.
    case invalidParameters = 6
    /// 7: invalid resource.
    case invalidResource = 7
    /// 8: operation failed / error granting the token: try again later.
    case operationFailed = 8
    /// 9: the session key is invalid (revoked): re-authenticate.
    case invalidSessionKey = 9
    /// 10: the API key is not valid.
    case invalidAPIKey = 10
    /// 11: the service is temporarily offline.
    case serviceOffline = 11
    /// 13: the signature does not match: the shared secret is wrong for this key.
    case invalidSignature = 13
    /// 14: the user has not approved the token yet.
    case tokenNotAuthorized = 14
    /// 15: the token expired or was already used.
    case tokenExpired = 15
    /// 16: a temporary error on the server: try again.
    case temporaryError = 16
    /// 26: the API key is suspended.
    case suspendedAPIKey = 26
    /// 29: too many requests from this address.
    case rateLimitExceeded = 29

    /// Codes after which waiting and trying again is the right thing to do.
    public var isTransient: Bool {
        switch self {
        case .operationFailed, .serviceOffline, .temporaryError, .rateLimitExceeded: true
        default: false
        }
    }

    /// What the code means, as the cause in a sentence (what to do is the sentence's to say).
    public var meaning: String {
        switch self {
        case .invalidService: L("the server does not offer this service")
        case .invalidMethod: L("the server does not know this method")
        case .authenticationFailed: L("authentication failed")
        case .invalidFormat: L("the server does not offer this format")
        case .invalidParameters: L("the request is missing a parameter")
        case .invalidResource: L("the server says the resource is invalid")
        case .operationFailed: L("the server could not do it right now")
        case .invalidSessionKey: L("the session key is invalid or revoked")
        case .invalidAPIKey: L("the API key is not valid")
        case .serviceOffline: L("the service is temporarily offline")
        case .invalidSignature: L("the shared secret does not match the API key")
        case .tokenNotAuthorized: L("waiting for you to approve access in the browser")
        case .tokenExpired: L("the token has expired or was already used")
        case .temporaryError: L("the server had a temporary error")
        case .suspendedAPIKey: L("the API key is suspended")
        case .rateLimitExceeded: L("too many requests")
        }
    }
}

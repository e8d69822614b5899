import LastFMAuth

/// The services the first step offers.
public enum ServiceOption: Equatable, Sendable, CaseIterable {
    case lastfm
    case librefm
    case custom
    /// The built-in sandbox on this machine (offered only with `--sandbox`).
    case sandbox

    public var title: String {
        switch self {
        case .lastfm: "Last.fm"
        case .librefm: "Libre.fm"
        case .custom: "Another compatible server"
        case .sandbox: "Built-in sandbox on this machine"
        }
    }

    public var detail: String {
        switch self {
        case .lastfm: "ws.audioscrobbler.com - get a key at https://www.last.fm/api/account/create"
        case .librefm: "libre.fm, the public GNU FM server"
        case .custom: "a GNU FM or other Last.fm-compatible server: you give its addresses"
        case .sandbox: "no account or internet needed; for trying lastfm-auth out"
        }
    }
}

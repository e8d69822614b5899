import LastFMAuth

/// The services the first step offers: those of `KnownService.all`, a custom server, and (with
/// `--sandbox`) the built-in sandbox.
public enum ServiceOption: Equatable, Sendable {
    /// A service of the core's table.
    case known(KnownService)
    /// A server whose addresses the person types.
    case custom
    /// The built-in sandbox on this machine (offered only with `--sandbox`).
    case sandbox

    /// Last.fm, the first of the table and the default.
    public static var lastfm: ServiceOption { .known(Service.lastfm.known!) }
    /// Libre.fm.
    public static var librefm: ServiceOption { .known(Service.librefm.known!) }

    /// The options in the order offered, the sandbox first when there is one.
    public static func offered(sandbox: Bool) -> [ServiceOption] {
        (sandbox ? [.sandbox] : []) + KnownService.all.map { .known($0) } + [.custom]
    }

    /// Its name in the list.
    public var title: String {
        switch self {
        case .known(let service): service.displayName
        case .custom: WizardText.customServiceTitle
        case .sandbox: WizardText.sandboxServiceTitle
        }
    }

    /// The line under its name.
    public var detail: String {
        switch self {
        case .known(let service): service.help
        case .custom: WizardText.customServiceHelp
        case .sandbox: WizardText.sandboxServiceHelp
        }
    }
}

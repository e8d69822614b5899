import LastFMAuth

/// A problem that ends the run with a message on standard error and an exit status.
struct CLIError: Error, Equatable {
    var message: String
    var status: Int32

    /// Bad input from flags, environment or files: `ExitStatus.usage` (64).
    static func usage(_ message: String) -> CLIError { CLIError(message: message, status: ExitStatus.usage.rawValue) }
    /// The flow could not be completed: `ExitStatus.failed` (1).
    static func failed(_ message: String) -> CLIError { CLIError(message: message, status: ExitStatus.failed.rawValue) }
}

import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// What ends the sandbox: Ctrl-C, SIGTERM, SIGHUP and, when asked, the end of standard input,
/// which is how a sandbox started by `lastfm-auth --sandbox` never outlives it, however it ends.
enum StopRequests {
    /// The signal sources, kept for the life of the program (a released source stops delivering).
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Yields a reason each time one of them happens; their default actions are turned off.
    /// Called once, from the main task, before anything else runs.
    static func stream(endOfInput: Bool) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        sources = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield("signal \(number)") }
            source.resume()
            return source
        }
        if endOfInput {
            DispatchQueue.global().async {
                var buffer = [UInt8](repeating: 0, count: 512)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                    if count == 0 || (count < 0 && errno != EINTR) { break }
                }
                continuation.yield("end of input")
            }
        }
        return stream
    }
}

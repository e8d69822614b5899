#if canImport(Glibc)
import Glibc
#endif

/// Opens an address in the user's browser: `$BROWSER` if set, else `xdg-open` when there is a display.
enum BrowserLauncher {
    /// Why no browser was opened.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case noDisplay
        case couldNotStart(String)

        var description: String {
            switch self {
            case .noDisplay: "no graphical display here (DISPLAY, WAYLAND_DISPLAY and BROWSER are unset)"
            case .couldNotStart(let program): "could not start \(program)"
            }
        }
    }

    /// Starts the browser with `url` and does not wait for it; its output is discarded.
    static func open(_ url: String, environment: [String: String]) -> Result<String, Failure> {
        let program: String
        if let browser = environment["BROWSER"]?.split(separator: ":").first.map(String.init), !browser.isEmpty {
            program = browser
        } else if environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil {
            program = "xdg-open"
        } else {
            return .failure(.noDisplay)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        var pid = pid_t()
        let arguments = [program, url]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawnp(&pid, program, &actions, nil, &argv, environ) == 0 else {
            return .failure(.couldNotStart(program))
        }
        return .success(program)
    }
}

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
        guard ChildProcess.spawn([program, url]) != nil else { return .failure(.couldNotStart(program)) }
        return .success(program)
    }
}

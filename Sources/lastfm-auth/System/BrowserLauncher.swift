#if canImport(Glibc)
import Glibc
#endif
import LastFMAuth
import Synchronization

/// Opens an address in the user's browser: `$BROWSER` if set, else `xdg-open` when there is a
/// display. The browser is never given the address itself (its arguments are public, `ps`), but
/// a private page that sends it on (`OpenPage`), in a 0700 folder of this user's; and only the
/// environment a browser needs, without `LASTFM_*` (a browser passes its environment on to
/// everything it starts).
enum BrowserLauncher {
    /// The page this run wrote, while it is there.
    private static let written = Mutex<String?>(nil)

    /// Why no browser was opened.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case noDisplay
        case couldNotStart(String)
        /// No private folder for the page that sends the browser on (`StoreError`'s words).
        case noPrivatePage(String)
        /// Over SSH with no display forwarded: a browser there (a `BROWSER` that forwards addresses
        /// to the person's own machine) cannot open a page on this one, and the address itself is
        /// not put in any process's arguments.
        case overSSH

        var description: String {
            switch self {
            case .noDisplay: L("there is no graphical display here, as DISPLAY, WAYLAND_DISPLAY and BROWSER are unset")
            case .couldNotStart(let program): L("could not start {program}", ["program": "\(program)"])
            case .noPrivatePage(let problem): L("no private place for the page that opens it: {problem}", ["problem": "\(problem)"])
            case .overSSH: L("over SSH, it would be given a page on this machine, which a browser on yours cannot open")
            }
        }
    }

    /// Starts the browser on a private page that sends it to `url`, and does not wait for it; its
    /// output is discarded. Returns the program started.
    static func open(_ url: String, environment: [String: String]) -> Result<String, Failure> {
        let hasDisplay = environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil
        if !hasDisplay, environment["SSH_CONNECTION"] != nil || environment["SSH_TTY"] != nil { return .failure(.overSSH) }
        let program: String
        if let browser = environment["BROWSER"]?.split(separator: ":").first.map(String.init), !browser.isEmpty {
            program = browser
        } else if hasDisplay {
            program = "xdg-open"
        } else {
            return .failure(.noDisplay)
        }
        let page: String
        do throws(StoreError) {
            page = try writePage(for: url, environment: environment)
        } catch {
            return .failure(.noPrivatePage("\(error)"))
        }
        guard ChildProcess.spawn([program, OpenPage.fileAddress(of: page)], environment: browserEnvironment(environment)) != nil else {
            return .failure(.couldNotStart(program))
        }
        return .success(program)
    }

    /// `environment` without what is lastfm-auth's own (`LASTFM_API_SECRET` among them).
    static func browserEnvironment(_ environment: [String: String]) -> [String: String] {
        environment.filter { !$0.key.hasPrefix("LASTFM_") }
    }

    /// The folder the page goes in: `$XDG_RUNTIME_DIR/lastfm-auth` (a tmpfs of this user's,
    /// emptied at logout) where there is one, else the credentials' folder; nil without either.
    static func pageFolder(environment: [String: String]) -> String? {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/"), SecureFile.isPrivateFolder(runtime) {
            return runtime + "/lastfm-auth"
        }
        return CredentialsStore.defaultPath(environment: environment).map(SecureFile.folder(of:))
    }

    /// Writes this run's page (0600, replacing the last one), after removing pages that runs no
    /// longer running left behind; returns its path.
    static func writePage(for url: String, environment: [String: String]) throws(StoreError) -> String {
        guard let folder = pageFolder(environment: environment) else { throw .noLocation }
        removeLeftPages(in: folder)
        let path = folder + "/" + OpenPage.fileName(pid: getpid())
        try SecureFile.writeAtomically(Array(OpenPage.html(for: url).utf8), to: path)
        written.withLock { $0 = path }
        return path
    }

    /// Removes this run's page, if it wrote one: the token it names is of no use once the run
    /// ends. Called at the run's end and when a signal ends it.
    static func removePage() {
        guard let path = written.withLock({ path in defer { path = nil }; return path }) else { return }
        unlink(path)
    }

    /// Removes the pages of runs that ended without removing theirs (a signal, a crash).
    private static func removeLeftPages(in folder: String) {
        for name in SecureFile.names(in: folder) {
            guard let pid = OpenPage.writer(ofFileNamed: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + name)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import LastFMAuth
import LastFMWizard

/// The root command's discussion: shown by `--help` and, through swift-argument-parser's manual
/// generator, in the man page, where scripts/install turns each capitalised heading (ENVIRONMENT,
/// FILES, EXIT STATUS, EXAMPLES) into a section, each line indented by 2 into an entry
/// and the lines indented by 6 below it into its text. Lines fit 80 columns, so `--help` keeps
/// this layout. One copy, so the two cannot drift.
enum RootHelp {
    static let discussion = """
        The API key comes from --api-key or LASTFM_API_KEY, the shared secret from --api-secret-file \
        (- for standard input) or LASTFM_API_SECRET; anything missing is asked for, and standard \
        input answers in one order for every service: the key (when not given), then the secret \
        (when not given); where the server may not check them, an empty line or the end of \
        input means none, and they are made on the spot. On a terminal a \
        full-screen wizard walks through each step; when standard output is captured \
        (eval "$(lastfm-auth --print env)") it draws on the controlling terminal, /dev/tty, and \
        only the --print result goes to standard output. With --plain, TERM=dumb, standard input \
        not a terminal, or no controlling terminal (cron, setsid), the same flow runs line by line \
        on standard error. Try it without an account: lastfm-auth --sandbox

        The address shown is the desktop page, which any device can open. The browser \
        lastfm-auth starts on this machine gets the web page with a callback to \
        http://127.0.0.1:PORT/ instead, so that approval there ends the wait at once; not over \
        SSH or WSL, or with --no-browser or --no-callback. If a browser in HTTPS-only mode warns \
        about that http:// address, continue to it (it is this machine) or use --no-callback.

        --for APP hands the session to an app that takes one made with your own API key \
        (lastfm-auth apps lists them, with their files): the key and secret are read from the \
        app's settings (nothing typed when they are there), and once saved the session is \
        written where the app reads it; a missing or different key and secret are written \
        there too. What is replaced is kept beside it as NAME.bak; the rest stays byte for \
        byte. Files are read through symbolic links, as the app reads them, but a link is \
        never replaced (home-manager, say, manages it). A settings file that cannot be read \
        stops the run before anything is asked; a change that cannot be made safely is refused \
        before any of the app's files is written, and the session stays in the profile.

        ENVIRONMENT
          LASTFM_API_KEY
              The API key, when --api-key is not given.
          LASTFM_API_SECRET
              The shared secret, when --api-secret-file is not given. There is no
              flag for it, so it never shows in ps.
          LASTFM_AUTH_ASCII
              Any value: draw with ASCII only, as --ascii does.
          XDG_CONFIG_HOME, HOME
              Where the credentials file lives.
          DBUS_SESSION_BUS_ADDRESS
              The session bus the desktop keyring (Secret Service) is asked on;
              unset, secrets stay in the credentials file and nothing is started.
          HTTPS_PROXY, https_proxy, ALL_PROXY, NO_PROXY
              Proxies, as curl reads them: http:// proxies are tunnelled with
              CONNECT, socks5h:// works too. 127.0.0.1, ::1 and localhost never go
              through a proxy.
          SSL_CERT_FILE, SSL_CERT_DIR, CURL_CA_BUNDLE
              Certificate authorities to trust (SSL_CERT_FILE first), such as the
              CA of a network that inspects HTTPS.
          BROWSER, DISPLAY, WAYLAND_DISPLAY
              The browser the authorize page is opened with ($BROWSER, else
              xdg-open when there is a display). With a display, a locked keyring's
              own window asks for its password after the save (Esc or Enter keeps
              the secrets in the file).
          SSH_CONNECTION, SSH_TTY, WSL_DISTRO_NAME, WSL_INTEROP
              Set: the browser is on another machine, so it gets the desktop page
              and no callback is listened for.
          TERM, LANG, LC_ALL
              The terminal's entry, and whether UTF-8 can be drawn; TERM=dumb runs
              the line-by-line front.

        FILES
          $XDG_CONFIG_HOME/lastfm-auth/credentials.json
              The saved profiles (else ~/.config/lastfm-auth/credentials.json, or
              --config): server, API key, shared secret, session key and user name
              of each. Mode 0600 in a 0700 folder, written atomically under a lock;
              fields other programs added are kept. With "secret_store": "keyring"
              the secret and session key are in the desktop keyring instead (see
              --store and lastfm-auth move); "default_store" at the top sets
              where new profiles keep them.
          pending.json, beside it
              A token shown but not approved yet, resumed by the next run for up
              to 60 minutes.
          $XDG_CONFIG_HOME/rescrobbled/config.toml, .../rescrobbled/session
              With --for rescrobbled: its lastfm-key and lastfm-secret (or
              api-key/api-secret, or the -file settings; LASTFM_KEY and
              LASTFM_SECRET first), and its session key, the file's whole
              content with no line break, read when rescrobbled starts.

        EXIT STATUS
        \(exitStatuses)

        EXAMPLES
          lastfm-auth --sandbox
          lastfm-auth --service librefm --profile libre
          lastfm-auth --plain --api-key KEY --api-secret-file ~/.secret --print env
          eval "$(lastfm-auth --profile libre --print env)"
          lastfm-auth status --json
          export LASTFM_SESSION_KEY=$(lastfm-auth token --profile libre)
          lastfm-auth move keyring --profile libre
          lastfm-auth --for rescrobbled
        """

    /// The EXIT STATUS entries, from `ExitStatus`: each status, its meaning wrapped below it.
    private static var exitStatuses: String {
        func entry(_ label: String, _ meaning: String) -> [String] {
            let lines = TextWidth.wrap(meaning, width: 68)
            // A label of up to 3 characters shares the first line, as in the other sections.
            guard label.count <= 3 else { return ["  " + label] + lines.map { "      " + $0 } }
            return ["  " + label + String(repeating: " ", count: 4 - label.count) + (lines.first ?? "")] + lines.dropFirst().map { "      " + $0 }
        }
        let entries = ExitStatus.allCases.flatMap { entry("\($0.rawValue)", $0.meaning) }
            + entry("\(ExitStatus.signal(SIGHUP)), \(ExitStatus.signal(SIGTERM))", ExitStatus.signalMeaning)
        return entries.joined(separator: "\n")
    }
}

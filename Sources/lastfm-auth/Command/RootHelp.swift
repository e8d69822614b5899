#if canImport(Glibc)
import Glibc
#endif
import LastFMAuth
import LastFMWizard

/// The long help: the topics of `lastfm-auth help TOPIC`, all of them (`manual`) printed by
/// `lastfm-auth help` and, through swift-argument-parser's manual generator, in the man page,
/// where scripts/install turns each capitalised heading (ENVIRONMENT, FILES, EXIT STATUS,
/// EXAMPLES) into a section, each line indented by 2 into an entry and the lines indented by 6
/// below it into its text. Lines fit 80 columns. One copy, so the three cannot drift; the root's
/// `--help` shows only `short`, so that it fits a screen.
enum RootHelp {
    /// The root command's discussion: the whole manual when the manual generator asks for it
    /// (`--experimental-dump-help`), else the few lines `--help` shows.
    static var discussion: String {
        CommandLine.arguments.dropFirst().contains("--experimental-dump-help") ? manual : short
    }

    /// What `lastfm-auth --help` says above its usage.
    static let short = """
        With no command (or login) it connects an account, and the other commands use \
        that profile. Try it without an account: lastfm-auth --sandbox. More: lastfm-auth \
        help (the manual), help TOPIC (\(Topic.allCases.map(\.rawValue).joined(separator: ", "))).

        COMMON OPTIONS (every one: lastfm-auth login --help, or COMMAND --help)
          --service lastfm|librefm, --api-root URL     the server (login)
          --api-key KEY, --api-secret-file PATH        the application (login)
          -p, --profile NAME      the profile to save (login) or to use
          --sandbox               the built-in sandbox server, or its profile
          --print env|dotenv|json also print the credentials (login)
          --plain, --no-browser   line by line; do not open a browser (login)
          --for APP               hand the session to an app (login)
          -y, --yes               do not ask (logout)
          -v, --verbose           say more on standard error (login, status)
        """

    /// The options `short` names, as `--help` spells them: a test checks each is still an option.
    static let commonOptions = ["--service", "--api-root", "--api-key", "--api-secret-file", "-p", "--profile",
                                "--sandbox", "--print", "--plain", "--no-browser", "--for", "-y", "--yes", "-v", "--verbose"]

    /// The topics of `lastfm-auth help TOPIC`, in the manual's order.
    enum Topic: String, CaseIterable {
        case setup, profiles, print, browser, apps, environment, files
        case exitStatus = "exit-status"
        case examples

        /// The topic's text, as the manual has it.
        var text: String {
            switch self {
            case .setup: RootHelp.setup
            case .profiles: RootHelp.profiles
            case .print: RootHelp.print
            case .browser: RootHelp.browser
            case .apps: RootHelp.apps
            case .environment: RootHelp.environment
            case .files: RootHelp.files
            case .exitStatus: RootHelp.exitStatus
            case .examples: RootHelp.examples
            }
        }
    }

    /// Every topic, in order: the man page's text and `lastfm-auth help`.
    static var manual: String {
        Topic.allCases.map(\.text).joined(separator: "\n\n")
    }

    static let setup = """
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
        """

    static let profiles = """
        Each run saves a profile (--profile NAME; default, or sandbox with --sandbox) and makes it \
        the one the commands use. status, token, logout and move use the profile named with \
        --profile (--sandbox names sandbox), else the only one saved, else the one chosen with \
        lastfm-auth switch NAME (kept in the credentials file; status marks it), else the one \
        called default. With several profiles and none of these they list the profiles and \
        exit 64.
        """

    static let print = """
        --print env writes export NAME='value' lines for eval in sh, bash, zsh or dash \
        (eval "$(lastfm-auth --print env)"), so the programs started next see them; --print \
        dotenv writes the same lines without export, for a .env file (docker compose, \
        systemd's EnvironmentFile); --print json one object on one line. The names: \
        LASTFM_API_KEY, LASTFM_API_SECRET, LASTFM_SESSION_KEY, LASTFM_USERNAME, \
        LASTFM_API_ROOT, LASTFM_SERVICE.
        """

    static let browser = """
        The address shown is the desktop page, which any device can open. The browser \
        lastfm-auth starts on this machine gets the web page with a callback to \
        http://127.0.0.1:PORT/ instead, so that approval there ends the wait at once; not over \
        SSH or WSL, or with --no-browser or --no-callback. If a browser in HTTPS-only mode warns \
        about that http:// address, continue to it (it is this machine) or use --no-callback.
        """

    static let apps = """
        --for APP hands the session to an app that takes one made with your own API key \
        (lastfm-auth apps lists them, with their files): the key and secret are read from the \
        app's settings (nothing typed when they are there), and once saved the session is \
        written where the app reads it; a missing or different key and secret are written \
        there too. What is replaced is kept beside it as NAME.bak; the rest stays byte for \
        byte. Files are read through symbolic links, as the app reads them, but a link is \
        never replaced (home-manager, say, manages it). A settings file that cannot be read \
        stops the run before anything is asked; a change that cannot be made safely is refused \
        before any of the app's files is written, and the session stays in the profile.
        """

    static let environment = """
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
        """

    static let files = """
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
          $CONFIG_DIR/lastfm.json, $CONFIG_DIR/currentCreds-lastfm-NAME.json
              With --for multi-scrobbler: the client's apiKey and secret (never
              rewritten), and the session its Last.fm client reads at start.
          ~/.config/yams/yams.yml (or ~/.yams, ./.yams), its .lastfm_session
              With --for yams: api_key, api_secret and base_url (set to the
              profile's API root), edited line by line; the session file holds
              the user name, then the session key.
          $XDG_CONFIG_HOME/scrobblez/secret.json
              With --for scrobblez: api_key, api_secret, username and
              session_key, given to pylast; other members kept as they are.
          $MALOJA_DATA_DIRECTORY/settings.ini
              With --for maloja (else MALOJA_DIRECTORY_CONFIG, /etc/maloja or
              ~/.local/share/maloja): lastfm_api_key, lastfm_api_secret and
              lastfm_api_sk, quoted, and scrobble_lastfm = True in [MALOJA].
              Maloja scrobbles to Last.fm only.
        """

    static var exitStatus: String {
        """
        EXIT STATUS
        \(exitStatuses)
        """
    }

    static let examples = """
        EXAMPLES
          lastfm-auth --sandbox
          lastfm-auth login --service librefm -p libre
          lastfm-auth switch libre
          lastfm-auth --plain --api-key KEY --api-secret-file ~/.secret --print env
          eval "$(lastfm-auth -p libre --print env)"
          lastfm-auth --print dotenv > .env
          lastfm-auth status --json
          export LASTFM_SESSION_KEY=$(lastfm-auth token)
          lastfm-auth move keyring -p libre
          lastfm-auth --for rescrobbled
          lastfm-auth --for yams --service librefm
          lastfm-auth --for maloja --dry-run
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

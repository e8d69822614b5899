import LastFMAuth

/// Every sentence only the wizard shows (step titles, field help, the frame, its own notices), in
/// one place: what both fronts say comes from the core's `Wording`, the keys' help from `KeyMap`.
/// What a translation of the wizard would replace.
public enum WizardText {
    // MARK: The frame

    /// The title bar's left side, naming where the application is connected.
    public static func title(place: String, separator: String) -> String {
        " " + L("lastfm-auth{separator}connect an application to {place}", ["separator": "\(separator)", "place": "\(place)"])
    }

    /// The title bar's place while the sandbox runs, or when no server is chosen yet.
    public static var sandboxPlace: String { Wording.sandboxPlace }
    /// The title bar's place before a custom server's addresses are acceptable.
    public static var somePlace: String { L("a server") }

    /// The title bar's right side.
    public static func stepLabel(_ number: Int, of total: Int) -> String {
        L("step {number} of {total}", ["number": "\(number)", "total": "\(total)"])
    }

    /// The key bar while the help screen is up.
    public static var closeHelpKey: String { L("any key") }
    /// What that key does.
    public static var closeHelp: String { L("close help") }

    /// The lines shown when the window is below the minimum size.
    public static func tooSmall(need: (Int, Int), have: (Int, Int)) -> [String] {
        [L("Terminal too small"), L("need {columns}x{rows}", ["columns": "\(need.0)", "rows": "\(need.1)"]), L("have {columns}x{rows}", ["columns": "\(have.0)", "rows": "\(have.1)"]), L("Ctrl-C quits")]
    }

    // MARK: Steps

    /// The existing-session step.
    public static var existingTitle: String { L("Saved session found") }
    /// Its question.
    public static var keepOrReplace: String { L("Keep it, or replace it with a new one?") }

    /// The service step.
    public static var serviceTitle: String { L("Which service is the account on?") }

    /// A custom server in the service list.
    public static var customServiceTitle: String { L("Another compatible server") }
    /// Its line.
    public static var customServiceHelp: String { L("a GNU FM or other Last.fm-compatible server: you give its addresses") }
    /// The sandbox in the service list.
    public static var sandboxServiceTitle: String { L("Built-in sandbox on this machine") }
    /// Its line.
    public static var sandboxServiceHelp: String { L("no account or internet needed; for trying lastfm-auth out") }

    /// The custom server step.
    public static var customTitle: String { L("Your server's addresses") }
    /// The API root field's help.
    public static var customRootHelp: String { L("API root (where /2.0/ answers), such as https://gnufm.example.org/2.0/") }
    /// The authorize page field's help.
    public static var customAuthPageHelp: String { L("Authorize page, such as https://gnufm.example.org/api/auth/ (left empty: /api/auth/ on the API root's host)") }

    /// The key step.
    public static var keyTitle: String { L("API key") }
    /// The key field's help, with where to make an API account when the service has such a page.
    public static func keyHelp(accountPage: String?) -> String {
        guard let accountPage else { return L("The 32-character key of your API account.") }
        return L("The 32-character key of your API account. No account yet? Create one at {page}", ["page": accountPage])
    }

    /// The secret step.
    public static var secretTitle: String { L("Shared secret") }
    /// The secret field's help.
    public static var secretHelp: String { L("Shown next to the key on your API account page. It stays on this machine, in your keyring or credentials file.") }

    /// The inline check under a key or secret field, as it is typed.
    public static var fieldComplete: String { L("32 of 32 characters") }
    /// Under an empty key or secret field.
    public static var fieldFormat: String { L("32 characters, 0-9 and a-f") }
    /// Under a key or secret of the wrong length.
    public static func fieldLength(_ count: Int) -> String { L("{count} of 32 characters", ["count": "\(count)"]) }
    /// Under a key or secret with a character that cannot be in one (`shown`, or nil for an invisible one).
    public static func fieldCharacter(_ shown: String?) -> String {
        L("{character} is not allowed: only 0-9 and a-f", ["character": shown.map { "'\($0)'" } ?? L("a space or control character")])
    }

    /// The authorize step.
    public static var authorizeTitle: String { L("Allow access") }
    /// Where the QR code would be on a terminal that cannot draw it.
    public static var noQRCode: String { L("(No QR code: this terminal cannot draw its blocks.)") }

    /// The status line's "when": a check is under way.
    public static var checkingNow: String { L("Checking now...") }
    /// The status line's "when", in the status line.
    public static var checkingNowShort: String { L("checking now") }
    /// The status line's "when": the last check.
    public static func checked(ago: Duration) -> String {
        ago < .seconds(1) ? L("checked just now") : L("checked {age} ago", ["age": "\(SpokenDuration.age(ago))"])
    }
    /// The status line's "when": the first check.
    public static func checking(in delay: Duration) -> String { L("checking in {delay}", ["delay": "\(SpokenDuration.delay(delay))"]) }
    /// The status line while waiting: its parts, which the view joins with the glyphs' separator.
    public static func waiting(_ when: String?) -> [String] { [L("Waiting for approval")] + (when.map { [$0] } ?? []) }

    /// The saving step.
    public static var saving: String { L("Approved. Saving the session...") }
    /// The done step when saving failed.
    public static var keyShownOnExit: String { L("Your session key is shown when you exit, so it is not lost.") }

    /// The problem step without a reason (not expected).
    public static var somethingWrong: String { L("Something went wrong.") }
    /// The problem step's ways on.
    public static var problemRemedy: String { L("n gets a new token; Enter starts over from the API key.") }

    /// The help screen.
    public static var helpTitle: String { L("Keys on this step") }
    /// Under the help screen's keys.
    public static var helpFooter: String { L("Ctrl-C quits at any time; the terminal is restored. Ctrl-L redraws the screen.") }
    /// Under the help screen's keys on a step with a field.
    public static var helpFooterWithField: String { L("Ctrl-C quits at any time; the terminal is restored. Ctrl-L redraws the screen. Paste works in this field.") }

    // MARK: Notices

    /// After `c`.
    public static var copied: String { L("Copied the address to the clipboard. If nothing arrived, your terminal does not let programs copy (OSC 52): select the address with the mouse.") }
    /// After `a`, approved.
    public static var sandboxApproved: String { L("Approved in the sandbox as {user}.", ["user": "\(SandboxAccount.user)"]) }
    /// After `a`, for a token the sandbox no longer holds.
    public static var sandboxNotPending: String { L("The sandbox could not approve this token: it was already answered, or it expired.") }
    /// After `a`, when the sandbox could not be reached.
    public static func sandboxCouldNotApprove(_ problem: String) -> String {
        L("The sandbox could not approve this token: {problem}.", ["problem": "\(problem)"])
    }
    /// On the first screen when TERM has no terminfo entry here.
    public static func drawingAs(_ type: String, term: String) -> String {
        L("This host has no terminfo entry for TERM={term}; drawing as {type}.", ["term": "\(term)", "type": "\(type)"])
    }
}

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
    public static let sandboxPlace = Wording.sandboxPlace
    /// The title bar's place before a custom server's addresses are acceptable.
    public static let somePlace = L("a server")

    /// The title bar's right side.
    public static func stepLabel(_ number: Int, of total: Int) -> String {
        L("step {number} of {total}", ["number": "\(number)", "total": "\(total)"])
    }

    /// The key bar while the help screen is up.
    public static let closeHelpKey = L("any key")
    /// What that key does.
    public static let closeHelp = L("close help")

    /// The lines shown when the window is below the minimum size.
    public static func tooSmall(need: (Int, Int), have: (Int, Int)) -> [String] {
        [L("Terminal too small"), L("need {columns}x{rows}", ["columns": "\(need.0)", "rows": "\(need.1)"]), L("have {columns}x{rows}", ["columns": "\(have.0)", "rows": "\(have.1)"]), L("Ctrl-C quits")]
    }

    // MARK: Steps

    /// The existing-session step.
    public static let existingTitle = L("Saved session found")
    /// Its question.
    public static let keepOrReplace = L("Keep it, or replace it with a new one?")

    /// The service step.
    public static let serviceTitle = L("Which service is the account on?")

    /// A custom server in the service list.
    public static let customServiceTitle = L("Another compatible server")
    /// Its line.
    public static let customServiceHelp = L("a GNU FM or other Last.fm-compatible server: you give its addresses")
    /// The sandbox in the service list.
    public static let sandboxServiceTitle = L("Built-in sandbox on this machine")
    /// Its line.
    public static let sandboxServiceHelp = L("no account or internet needed; for trying lastfm-auth out")

    /// The custom server step.
    public static let customTitle = L("Your server's addresses")
    /// The API root field's help.
    public static let customRootHelp = L("API root (where /2.0/ answers), such as https://gnufm.example.org/2.0/")
    /// The authorize page field's help.
    public static let customAuthPageHelp = L("Authorize page, such as https://gnufm.example.org/api/auth/ (left empty: /api/auth/ on the API root's host)")

    /// The key step.
    public static let keyTitle = L("API key")
    /// The key field's help, with where to make an API account when the service has such a page.
    public static func keyHelp(accountPage: String?) -> String {
        guard let accountPage else { return L("The 32-character key of your API account.") }
        return L("The 32-character key of your API account. No account yet? Create one at {page}", ["page": accountPage])
    }

    /// The secret step.
    public static let secretTitle = L("Shared secret")
    /// The secret field's help.
    public static let secretHelp = L("Shown next to the key on your API account page. It stays on this machine, in your keyring or credentials file.")

    /// The inline check under a key or secret field, as it is typed.
    public static let fieldComplete = L("32 of 32 characters")
    /// Under an empty key or secret field.
    public static let fieldFormat = L("32 characters, 0-9 and a-f")
    /// Under a key or secret of the wrong length.
    public static func fieldLength(_ count: Int) -> String { L("{count} of 32 characters", ["count": "\(count)"]) }
    /// Under a key or secret with a character that cannot be in one (`shown`, or nil for an invisible one).
    public static func fieldCharacter(_ shown: String?) -> String {
        L("{character} is not allowed: only 0-9 and a-f", ["character": shown.map { "'\($0)'" } ?? L("a space or control character")])
    }

    /// The authorize step.
    public static let authorizeTitle = L("Allow access")
    /// Where the QR code would be on a terminal that cannot draw it.
    public static let noQRCode = L("(No QR code: this terminal cannot draw its blocks.)")

    /// The status line's "when": a check is under way.
    public static let checkingNow = L("Checking now...")
    /// The status line's "when", in the status line.
    public static let checkingNowShort = L("checking now")
    /// The status line's "when": the last check.
    public static func checked(ago: Duration) -> String {
        ago < .seconds(1) ? L("checked just now") : L("checked {age} ago", ["age": "\(SpokenDuration.age(ago))"])
    }
    /// The status line's "when": the first check.
    public static func checking(in delay: Duration) -> String { L("checking in {delay}", ["delay": "\(SpokenDuration.delay(delay))"]) }
    /// The status line while waiting: its parts, which the view joins with the glyphs' separator.
    public static func waiting(_ when: String?) -> [String] { [L("Waiting for approval")] + (when.map { [$0] } ?? []) }

    /// The saving step.
    public static let saving = L("Approved. Saving the session...")
    /// The done step when saving failed.
    public static let keyShownOnExit = L("Your session key is shown when you exit, so it is not lost.")

    /// The problem step without a reason (not expected).
    public static let somethingWrong = L("Something went wrong.")
    /// The problem step's ways on.
    public static let problemRemedy = L("n gets a new token; Enter starts over from the API key.")

    /// The help screen.
    public static let helpTitle = L("Keys on this step")
    /// Under the help screen's keys.
    public static let helpFooter = L("Ctrl-C quits at any time; the terminal is restored. Ctrl-L redraws the screen.")
    /// Under the help screen's keys on a step with a field.
    public static let helpFooterWithField = L("Ctrl-C quits at any time; the terminal is restored. Ctrl-L redraws the screen. Paste works in this field.")

    // MARK: Notices

    /// After `c`.
    public static let copied = L("Copied the address to the clipboard. If nothing arrived, your terminal does not let programs copy (OSC 52): select the address with the mouse.")
    /// After `a`, approved.
    public static let sandboxApproved = L("Approved in the sandbox as {user}.", ["user": "\(SandboxAccount.user)"])
    /// After `a`, for a token the sandbox no longer holds.
    public static let sandboxNotPending = L("The sandbox could not approve this token: it was already answered, or it expired.")
    /// After `a`, when the sandbox could not be reached.
    public static func sandboxCouldNotApprove(_ problem: String) -> String {
        L("The sandbox could not approve this token: {problem}.", ["problem": "\(problem)"])
    }
    /// On the first screen when TERM has no terminfo entry here.
    public static func drawingAs(_ type: String, term: String) -> String {
        L("This host has no terminfo entry for TERM={term}; drawing as {type}.", ["term": "\(term)", "type": "\(type)"])
    }
}

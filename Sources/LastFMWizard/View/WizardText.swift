import LastFMAuth

/// Every sentence only the wizard shows (step titles, field help, the frame, its own notices), in
/// one place: what both fronts say comes from the core's `Wording`, the keys' help from `KeyMap`.
/// What a translation of the wizard would replace.
public enum WizardText {
    // MARK: The frame

    /// The title bar's left side, naming where the application is connected.
    public static func title(place: String, separator: String) -> String {
        " lastfm-auth\(separator)connect an application to \(place)"
    }

    /// The title bar's place while the sandbox runs, or when no server is chosen yet.
    public static let sandboxPlace = Wording.sandboxPlace
    /// The title bar's place before a custom server's addresses are acceptable.
    public static let somePlace = "a server"

    /// The title bar's right side.
    public static func stepLabel(_ number: Int, of total: Int) -> String {
        "step \(number) of \(total)"
    }

    /// The key bar while the help screen is up.
    public static let closeHelpKey = "any key"
    /// What that key does.
    public static let closeHelp = " close help"

    /// The lines shown when the window is below the minimum size.
    public static func tooSmall(need: (Int, Int), have: (Int, Int)) -> [String] {
        ["Terminal too small", "need \(need.0)x\(need.1)", "have \(have.0)x\(have.1)", "Ctrl-C quits"]
    }

    // MARK: Steps

    /// The existing-session step.
    public static let existingTitle = "Saved session found"
    /// Its question.
    public static let keepOrReplace = "Keep it, or replace it with a new one?"

    /// The service step.
    public static let serviceTitle = "Which service is the account on?"

    /// A custom server in the service list.
    public static let customServiceTitle = "Another compatible server"
    /// Its line.
    public static let customServiceHelp = "a GNU FM or other Last.fm-compatible server: you give its addresses"
    /// The sandbox in the service list.
    public static let sandboxServiceTitle = "Built-in sandbox on this machine"
    /// Its line.
    public static let sandboxServiceHelp = "no account or internet needed; for trying lastfm-auth out"

    /// The custom server step.
    public static let customTitle = "Your server's addresses"
    /// The API root field's help.
    public static let customRootHelp = "API root (where /2.0/ answers), such as https://gnufm.example.org/2.0/"
    /// The authorize page field's help.
    public static let customAuthPageHelp = "Authorize page, such as https://gnufm.example.org/api/auth/ (left empty: /api/auth/ on the API root's host)"

    /// The key step.
    public static let keyTitle = "API key"
    /// The key field's help, with where to make an API account when the service has such a page.
    public static func keyHelp(accountPage: String?) -> String {
        "The 32-character key of your API account." + (accountPage.map { " No account yet? Create one at \($0)" } ?? "")
    }

    /// The secret step.
    public static let secretTitle = "Shared secret"
    /// The secret field's help.
    public static let secretHelp = "Shown next to the key on your API account page. It stays on this machine, in your keyring or credentials file."

    /// The inline check under a key or secret field, as it is typed.
    public static let fieldComplete = "32 of 32 characters"
    /// Under an empty key or secret field.
    public static let fieldFormat = "32 characters, 0-9 and a-f"
    /// Under a key or secret of the wrong length.
    public static func fieldLength(_ count: Int) -> String { "\(count) of 32 characters" }
    /// Under a key or secret with a character that cannot be in one (`shown`, or nil for an invisible one).
    public static func fieldCharacter(_ shown: String?) -> String {
        "\(shown.map { "'\($0)'" } ?? "a space or control character") is not allowed: only 0-9 and a-f"
    }

    /// The authorize step.
    public static let authorizeTitle = "Allow access"
    /// Where the QR code would be on a terminal that cannot draw it.
    public static let noQRCode = "(No QR code: this terminal cannot draw its blocks.)"

    /// The status line's "when": a check is under way.
    public static let checkingNow = "Checking now..."
    /// The status line's "when", in the status line.
    public static let checkingNowShort = "checking now"
    /// The status line's "when": the last check.
    public static func checked(ago: Duration) -> String { "checked \(SpokenDuration.age(ago)) ago" }
    /// The status line's "when": the first check.
    public static func checking(in delay: Duration) -> String { "checking in \(SpokenDuration.delay(delay))" }
    /// The status line while waiting.
    public static func waiting(_ when: String?) -> String { "Waiting for approval" + (when.map { " - \($0)" } ?? "") }

    /// The saving step.
    public static let saving = "Approved. Saving the session..."
    /// The done step when saving failed.
    public static let keyShownOnExit = "Your session key is shown when you exit, so it is not lost."

    /// The problem step without a reason (not expected).
    public static let somethingWrong = "Something went wrong."
    /// The problem step's ways on.
    public static let problemRemedy = "n gets a new token; Enter starts over from the API key."

    /// The help screen.
    public static let helpTitle = "Keys on this step"
    /// Under the help screen's keys.
    public static let helpFooter = "Ctrl-C quits at any time; the terminal is restored. Ctrl-L redraws the screen. Paste works in every field."

    // MARK: Notices

    /// After `c`.
    public static let copied = "Copied the address to the clipboard (OSC 52; if nothing arrived, your terminal does not allow it: select it with the mouse)."
    /// After `a`, approved.
    public static let sandboxApproved = "Approved in the sandbox as \(SandboxAccount.user)."
    /// After `a`, for a token the sandbox no longer holds.
    public static let sandboxNotPending = "The sandbox could not approve this token (already answered or expired)."
    /// After `a`, when the sandbox could not be reached.
    public static func sandboxCouldNotApprove(_ problem: String) -> String {
        "The sandbox could not approve this token: \(problem)."
    }
    /// On the first screen when TERM has no terminfo entry here.
    public static func drawingAs(_ type: String, term: String) -> String {
        "This host has no terminfo entry for TERM=\(term); drawing as \(type)."
    }
}

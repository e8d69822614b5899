import LastFMAuth

/// The one table of keys: which keys do what on which step, and the help text for each.
/// The help line and the `?` screen are generated from it.
public enum KeyMap {
    /// One row of the table.
    public struct Binding: Equatable, Sendable {
        /// What the keys do.
        public var action: WizardAction
        /// The keys that do it.
        public var keys: [Key]
        /// How the keys are written in the help, such as "Enter" or "o".
        public var label: String
        /// What the help says it does, looked up when it is drawn.
        public var phrase: Phrase
        /// What the help says it does, in the person's language.
        public var help: String { phrase.text }
        /// The steps where it applies.
        public var steps: Set<WizardStep>
    }

    static let textSteps: Set<WizardStep> = [.customServer, .apiKey, .secret]

    /// Every binding; the first that matches a key on a step wins.
    public static let table: [Binding] = [
        Binding(action: .keepExisting, keys: [.character("k")], label: "k", phrase: Phrase("keep the saved session"), steps: [.existing]),
        Binding(action: .replaceExisting, keys: [.character("r"), .enter], label: "r", phrase: Phrase("replace it"), steps: [.existing]),
        Binding(action: .moveUp, keys: [.up, .character("k")], label: "↑↓", phrase: Phrase("choose"), steps: [.service]),
        Binding(action: .moveDown, keys: [.down, .character("j")], label: "", phrase: Phrase(""), steps: [.service]),
        Binding(action: .switchField, keys: [.tab, .backTab, .up, .down], label: "Tab", phrase: Phrase("other field"), steps: [.customServer]),
        Binding(action: .next, keys: [.enter], label: "Enter", phrase: Phrase("next"), steps: [.service, .customServer, .apiKey]),
        Binding(action: .next, keys: [.enter], label: "Enter", phrase: Phrase("get the token"), steps: [.secret]),
        Binding(action: .reveal, keys: [.control("r")], label: "Ctrl-R", phrase: Phrase("show/hide"), steps: [.secret]),
        Binding(action: .retry, keys: [.character("r"), .enter], label: "r", phrase: Phrase("retry now"), steps: [.fetchingToken]),
        Binding(action: .openBrowser, keys: [.character("o")], label: "o", phrase: Phrase("open browser"), steps: [.authorize]),
        Binding(action: .copyURL, keys: [.character("c")], label: "c", phrase: Phrase("copy URL"), steps: [.authorize]),
        Binding(action: .checkNow, keys: [.enter, .character(" ")], label: "Enter", phrase: Phrase("check now"), steps: [.authorize]),
        Binding(action: .approveInSandbox, keys: [.character("a")], label: "a", phrase: Phrase("approve (sandbox)"), steps: [.authorize]),
        Binding(action: .newToken, keys: [.character("n")], label: "n", phrase: Phrase("new token"), steps: [.authorize, .problem]),
        Binding(action: .next, keys: [.enter], label: "Enter", phrase: Phrase("start over"), steps: [.problem]),
        Binding(action: .quit, keys: [.enter, .escape, .character("q"), .character(" ")], label: "Enter", phrase: Phrase("exit"), steps: [.done]),
        Binding(action: .back, keys: [.escape], label: "Esc", phrase: Phrase("back"), steps: [.customServer, .apiKey, .secret, .fetchingToken]),
        Binding(action: .quit, keys: [.escape, .character("q")], label: "q", phrase: Phrase("quit"), steps: [.checkingSaved, .existing, .service, .problem]),
        // Not Esc while a token is out: Esc means back elsewhere, and a slip would cost the token.
        Binding(action: .quit, keys: [.character("q")], label: "q", phrase: Phrase("quit"), steps: [.authorize]),
        Binding(action: .toggleHelp, keys: [.function(1), .character("?")], label: "?", phrase: Phrase("help"), steps: [.checkingSaved, .existing, .service, .fetchingToken, .authorize, .problem, .done]),
        Binding(action: .toggleHelp, keys: [.function(1)], label: "F1", phrase: Phrase("help"), steps: textSteps),
    ]

    /// The action `key` means on `step`, if any. Text steps leave printable keys to the field.
    public static func action(for key: Key, on step: WizardStep, sandbox: Bool) -> WizardAction? {
        table.first { binding in
            binding.steps.contains(step) && binding.keys.contains(key) && (sandbox || binding.action != .approveInSandbox)
        }?.action
    }

    /// The bindings to show on `step`, in table order, without duplicates or unlabelled rows.
    public static func bindings(on step: WizardStep, sandbox: Bool) -> [Binding] {
        var seen: Set<String> = []
        return table.filter { binding in
            guard binding.steps.contains(step), !binding.label.isEmpty, sandbox || binding.action != .approveInSandbox else { return false }
            return seen.insert(binding.label + binding.help).inserted
        }
    }
}

/// A sentence kept by its English key and looked up each time it is read (`text`), in the
/// language of that moment: for tables built once, such as the key bar's and the services', which
/// would otherwise keep the language of their first use (`Catalog.speaking` draws several
/// languages in one process) or, built anew on every key, cost a lookup per entry.
/// `scripts/catalog` collects the English of each `Phrase` as it does that of each `L` call.
public struct Phrase: Equatable, Sendable {
    private let msgid: StaticString
    private let values: [String: String]

    /// `msgid`, the English sentence, with each `{name}` to be filled from `values`.
    public init(_ msgid: StaticString, _ values: [String: String] = [:]) {
        self.msgid = msgid
        self.values = values
    }

    /// The sentence in the person's language now.
    public var text: String { Catalog.text(msgid, values) }

    public static func == (left: Phrase, right: Phrase) -> Bool {
        left.msgid.description == right.msgid.description && left.values == right.values
    }
}

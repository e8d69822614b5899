/// Screen text as one line of single-spaced words, so a sentence that a paragraph wrapped over
/// several rows (or a test's expectation) can be found with `contains`.
public func flattened(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}

import LastFMAuth
import Testing

/// Issue #38: one catalog; a placeholder is named, so a language can move it.
@Suite("The catalog's lookup")
struct CatalogTests {
    @Test("without a catalog the English sentence comes back, its placeholders filled; a placeholder given no value stays")
    func english() {
        #expect(L("Opened the page with {program}.", ["program": "firefox"]) == "Opened the page with firefox.")
        #expect(L("Cancelled.") == "Cancelled.")
        #expect(Catalog.fill("{b} before {a}", ["a": "1", "b": "2"]) == "2 before 1", "a language may reorder them")
        #expect(Catalog.fill("{missing} and {a}", ["a": "x"]) == "{missing} and x")
        #expect(Catalog.fill("a { brace", ["a": "x"]) == "a { brace")
    }

    @Test("plural forms: English has two, and {n} is the count", arguments: [(0, "0 minutes ago"), (1, "1 minute ago"), (2, "2 minutes ago"), (21, "21 minutes ago")])
    func plural(count: Int, expected: String) {
        #expect(Ln("{n} minute ago", "{n} minutes ago", count) == expected)
    }

    @Test("the language asked for and not spoken is named for --verbose; English and C need no catalog")
    func unavailable() {
        #expect(Catalog.unavailable(in: ["LANG": "de_AT.UTF-8"]) == "de_AT.UTF-8")
        #expect(Catalog.unavailable(in: ["LANGUAGE": "ja", "LANG": "C.UTF-8"]) == "ja")
        #expect(Catalog.unavailable(in: ["LANG": "C.UTF-8"]) == nil)
        #expect(Catalog.unavailable(in: ["LC_ALL": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"]) == nil)
        #expect(Catalog.unavailable(in: [:]) == nil)
    }
}

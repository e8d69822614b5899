import Testing
@testable import lastfm_auth

@Suite("A problem after the tool's name")
struct ProblemLineTests {
    @Test("English drops a sentence's capital (not an acronym's); another language keeps its sentence as written (German nouns)")
    func capitals() {
        #expect(Output.problemLine("The session could not be saved: disk full", english: true) == "lastfm-auth: the session could not be saved: disk full")
        #expect(Output.problemLine("API key refused", english: true) == "lastfm-auth: API key refused")
        #expect(Output.problemLine("Sitzung konnte nicht gespeichert werden", english: false) == "lastfm-auth: Sitzung konnte nicht gespeichert werden")
    }
}

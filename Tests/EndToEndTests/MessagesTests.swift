import Testing
@testable import lastfm_auth

@Suite("The plain front's wording of times")
struct MessagesTests {
    /// Issue #13: a 4-second-old resumed token was called "1 min old".
    @Test("ages: seconds under a minute, whole minutes rounded down after")
    func ages() {
        #expect(Messages.age(.seconds(4)) == "4 s")
        #expect(Messages.age(.milliseconds(59_900)) == "59 s")
        #expect(Messages.age(.seconds(60)) == "1 min")
        #expect(Messages.age(.seconds(119)) == "1 min")
        #expect(Messages.age(.seconds(3599)) == "59 min")
        #expect(Messages.age(.seconds(-3)) == "0 s")
    }

    @Test("time left is rounded up, so it is never said to be shorter than it is")
    func timeLeft() {
        #expect(Messages.minutes(.seconds(3600)) == "60 min")
        #expect(Messages.minutes(.seconds(3599)) == "60 min")
        #expect(Messages.minutes(.seconds(1)) == "1 min")
    }
}

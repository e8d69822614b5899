import LastFMAuth
import Testing

/// One rounding rule per kind of time, for both fronts (issue #18: the same token was "4 min" old
/// in the wizard and "3 min" in the plain front, and a retry was "in 5.8 s" in one, "in 5 s" in the other).
@Suite("Durations as people read them")
struct SpokenDurationTests {
    @Test("an age is never said to be older than it is: seconds under a minute, whole minutes rounded down after")
    func ages() {
        #expect(SpokenDuration.age(.seconds(4)) == "4 s")
        #expect(SpokenDuration.age(.milliseconds(59_900)) == "59 s")
        #expect(SpokenDuration.age(.seconds(60)) == "1 min")
        #expect(SpokenDuration.age(.seconds(119)) == "1 min")
        #expect(SpokenDuration.age(.milliseconds(239_900)) == "3 min")
        #expect(SpokenDuration.age(.seconds(3599)) == "59 min")
        #expect(SpokenDuration.age(.seconds(-3)) == "0 s")
    }

    @Test("a time left is never said to be shorter than it is: rounded up, in seconds and then minutes")
    func remaining() {
        #expect(SpokenDuration.remaining(.seconds(3600)) == "60 min")
        #expect(SpokenDuration.remaining(.seconds(3599)) == "60 min")
        #expect(SpokenDuration.remaining(.seconds(61)) == "2 min")
        #expect(SpokenDuration.remaining(.seconds(60)) == "1 min")
        #expect(SpokenDuration.remaining(.milliseconds(58_100)) == "59 s")
        #expect(SpokenDuration.remaining(.milliseconds(59_100)) == "1 min", "60 s once rounded up")
        #expect(SpokenDuration.remaining(.milliseconds(200)) == "1 s")
        #expect(SpokenDuration.remaining(.seconds(-1)) == "0 s")
    }

    @Test("a delay is whole seconds, rounded up so the thing never comes before it was said to")
    func delays() {
        #expect(SpokenDuration.delay(.milliseconds(5_800)) == "6 s")
        #expect(SpokenDuration.delay(.seconds(3)) == "3 s")
        #expect(SpokenDuration.delay(.milliseconds(1)) == "1 s")
        #expect(SpokenDuration.delay(.zero) == "0 s")
        #expect(SpokenDuration.delay(.seconds(119)) == "119 s")
        #expect(SpokenDuration.delay(.seconds(121)) == "3 min")
    }

    @Test("whole milliseconds, toward zero, for poll() and curl")
    func milliseconds() {
        #expect(Duration.milliseconds(1_234).wholeMilliseconds == 1_234)
        #expect((Duration.seconds(2) + .nanoseconds(999_999)).wholeMilliseconds == 2_000)
    }

    @Test("how long ago, in the largest whole unit, rounded down: just now, minutes, hours, then days")
    func ago() {
        #expect(SpokenDuration.ago(.seconds(59)) == "just now")
        #expect(SpokenDuration.ago(.seconds(-5)) == "just now")
        #expect(SpokenDuration.ago(.seconds(60)) == "1 minute ago")
        #expect(SpokenDuration.ago(.seconds(3599)) == "59 minutes ago")
        #expect(SpokenDuration.ago(.seconds(3600)) == "1 hour ago")
        #expect(SpokenDuration.ago(.seconds(47 * 3600 + 3599)) == "47 hours ago")
        #expect(SpokenDuration.ago(.seconds(2 * 86400)) == "2 days ago")
        #expect(SpokenDuration.ago(.seconds(400 * 86400)) == "400 days ago")
    }
}

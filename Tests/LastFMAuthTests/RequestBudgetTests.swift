import LastFMAuth
import Testing

/// The documented request budget (README, "Guarantees"): never two requests less than the minimum
/// spacing (1 s) apart, so never more than 60 in any minute, however often "check now" is pressed;
/// without presses, no faster than the interval; after a rate limit, nothing before the server's time.
@Suite("Waiting for approval: the request budget holds for any answers and any key presses")
struct RequestBudgetTests {
    static let notYet = AuthError.api(code: 14, message: "Unauthorized Token")
    /// Every kind of answer the wait keeps going after.
    static let answers: [AuthError] = [
        notYet, notYet, notYet,
        .api(code: 29, message: "Rate limit exceeded", retryAfter: .seconds(20)),
        .api(code: 29, message: "Rate limit exceeded"),
        .httpStatus(429, retryAfter: .seconds(5)), .httpStatus(503, retryAfter: nil), .httpStatus(500, retryAfter: nil),
        .api(code: 11, message: "Service Offline"), .api(code: 16, message: "Temporary error"),
        .transport(TransportError(.timeout, "timed out")), .badResponse("garbage"),
    ]

    /// One simulated wait: ten minutes in 50 ms steps, answers and presses drawn from `seed`.
    /// Returns when each request was made and the earliest time each was allowed by a rate limit.
    static func simulate(seed: UInt64, interval: Duration, pressesPerSecond: Int) -> (requests: [Duration], notBefore: [Duration]) {
        var random = SplitMix64(seed: seed)
        var machine = ApprovalMachine(schedule: PollingSchedule(interval: interval))
        var requests: [Duration] = []
        var notBefore: [Duration] = []
        var allowedFrom = Duration.zero
        let step = Duration.milliseconds(50)
        var age = Duration.zero
        while age < .seconds(600), !machine.state.isFinal {
            if pressesPerSecond > 0, random.next() % UInt64(20) < UInt64(pressesPerSecond) { machine.requestNow(at: age) }
            if machine.isDue(at: age) {
                requests.append(age)
                notBefore.append(allowedFrom)
                let error = answers[Int(random.next() % UInt64(answers.count))]
                machine.record(.failure(error), at: age, jitter: Double(random.next() % 1000) / 1000)
                if error.isRateLimit, let asked = error.retryAfter { allowedFrom = age + asked }
            }
            age += step
        }
        return (requests, notBefore)
    }

    /// The most requests in any 60 s window.
    static func busiestMinute(_ requests: [Duration]) -> Int {
        var most = 0
        var start = 0
        for end in requests.indices {
            while requests[end] - requests[start] >= .seconds(60) { start += 1 }
            most = max(most, end - start + 1)
        }
        return most
    }

    @Test("a key held down (20 presses a second) never makes two requests within 1 s", arguments: 1...20)
    func heldKey(seed: UInt64) {
        let (requests, notBefore) = Self.simulate(seed: seed, interval: .seconds(1), pressesPerSecond: 20)
        #expect(requests.count > 40, "the simulation made requests")
        let gaps = zip(requests, requests.dropFirst()).map { $1 - $0 }
        #expect(gaps.allSatisfy { $0 >= .seconds(1) }, "smallest gap \(gaps.min() ?? .zero)")
        #expect(Self.busiestMinute(requests) <= 60)
        #expect(zip(requests, notBefore).allSatisfy { $0 >= $1 }, "a request was sent before Retry-After ran out")
    }

    @Test("without presses the wait asks no faster than the interval", arguments: 1...20)
    func noPresses(seed: UInt64) {
        let (requests, notBefore) = Self.simulate(seed: seed, interval: .seconds(3), pressesPerSecond: 0)
        let gaps = zip(requests, requests.dropFirst()).map { $1 - $0 }
        // Backoff with equal jitter waits at least half of twice the interval, so never under it.
        #expect(gaps.allSatisfy { $0 >= .seconds(3) }, "smallest gap \(gaps.min() ?? .zero)")
        #expect(Self.busiestMinute(requests) <= 20)
        #expect(zip(requests, notBefore).allSatisfy { $0 >= $1 })
    }
}

/// A small seeded generator so a failing case can be replayed from its seed.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Polls `condition` every 2 ms of the real clock until it holds; false once `deadline` passed
/// (the deadline only bounds a failure, so it is generous for a loaded machine). Looks once more
/// at the deadline: a starved task may first run again after it.
public func eventually(within deadline: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
    let end = ContinuousClock.now + deadline
    while ContinuousClock.now < end {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(2))
    }
    return condition()
}

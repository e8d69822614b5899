import KeySession

/// libFuzzer entry point, the fast one: a session of typing and pasting through the decoder, the
/// text fields and the reducer, their invariants checked after every event; nothing is drawn
/// (drawing was 99 % of the cost). `FuzzKeyScreen` draws what this one finds.
func fuzzKeyInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    KeySession.play(UnsafeBufferPointer(start: data, count: size)) { _, _ in }
    return 0
}

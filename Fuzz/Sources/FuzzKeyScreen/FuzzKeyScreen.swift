import KeySession

/// libFuzzer entry point, the drawing check: the same session as `FuzzKeyInput`, with the screen
/// drawn and checked at five window sizes after each run of characters and each special byte.
/// `Fuzz/run` runs it over the inputs `FuzzKeyInput` kept and the committed corpus.
func fuzzKeyScreen(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    KeySession.play(UnsafeBufferPointer(start: data, count: size)) { state, size in KeySession.checkScreen(state, size: size) }
    return 0
}

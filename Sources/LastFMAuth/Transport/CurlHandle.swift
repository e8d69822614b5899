/// A curl easy handle; used by one thread at a time (taken from and given back to the idle list).
struct CurlHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}

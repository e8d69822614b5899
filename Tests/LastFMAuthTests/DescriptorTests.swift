import Dispatch
import Glibc
import LastFMAuth
import Testing

@Suite("Descriptor: whole buffers in and out")
struct DescriptorTests {
    @Test("a write larger than a pipe's buffer arrives whole; a read to the end gives it back; past the limit is refused")
    func roundTrip() throws {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        // The pipe holds 64 KiB: the writer must go on after short writes while the reader drains it.
        // The reader blocks: on a thread of its own, never one of the test runner's cooperative ones.
        let readEnd = ends[0]
        let read = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var received: Result<[UInt8], Descriptor.ReadFailure>?
        DispatchQueue.global().async {
            received = Descriptor.readAll(readEnd, limit: 1 << 20)
            read.signal()
        }
        #expect(Descriptor.writeAll(ends[1], bytes) == nil)
        close(ends[1])
        read.wait()
        #expect(try received?.get() == bytes)
        close(ends[0])

        try #require(pipe(&ends) == 0)
        #expect(Descriptor.writeAll(ends[1], Array(repeating: 7, count: 2000)) == nil)
        close(ends[1])
        #expect(Descriptor.readAll(ends[0], limit: 1000, chunk: 512) == .failure(.tooLarge))
        close(ends[0])

        // A descriptor not open for writing (a pipe's read end) fails with EBADF. Not a closed
        // number: another test's file may be given that number meanwhile, and the byte lands in it
        // (a fresh-clone CI run had a credentials file of KeyringStoreTests corrupted so).
        try #require(pipe(&ends) == 0)
        #expect(Descriptor.writeAll(ends[0], [1]) == EBADF, "a descriptor that cannot be written: the errno, not a crash")
        close(ends[0])
        close(ends[1])
    }
}

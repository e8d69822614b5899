import CLibFuzzer
#if canImport(Glibc)
import Glibc
#endif

var arguments = CommandLine.argc
var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &vector) { data, size in fuzzKeyScreen(data, size) })

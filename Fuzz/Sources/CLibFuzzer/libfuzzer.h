// libFuzzer's driver, linked in by -sanitize=fuzzer. SwiftPM names an executable's entry point
// <Module>_main and aliases main to it, so the targets start libFuzzer themselves with this.
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

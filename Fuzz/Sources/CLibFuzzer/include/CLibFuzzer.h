#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver (compiler-rt, LLVM 11 and later), linked by -sanitize=fuzzer. SwiftPM
 * links an executable with `main` aliased to `<Module>_main`, so libFuzzer's own `main` is
 * not used: each target's `<Module>_main` calls this instead. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

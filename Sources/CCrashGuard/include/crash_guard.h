#ifndef CRASH_GUARD_H
#define CRASH_GUARD_H

#include <stddef.h>

// Gives the terminal back when the program crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP,
// SIGABRT) while a full-screen front holds it, then lets the crash go on. In C because a signal
// handler may only do async-signal-safe things: tcsetattr(3) and write(2) of bytes prepared here.

// Installs the handlers (once; six sigaction calls): from now on a crash never waits for a key
// (standard input becomes /dev/null before the runtime's backtracer reports), then ends the
// process with the signal's own status.
void crash_guard_install(void);

// Saves the settings of the terminal `settings_fd` as they are now (call before the screen changes
// them) and installs the handlers if they are not yet. From now on a crash restores them first, then writes the
// bytes of `crash_guard_leave_with` to `output_fd`. Returns 0, or -1 if `settings_fd` is no terminal.
int crash_guard_arm(int settings_fd, int output_fd);

// Up to 255 bytes that give the screen back (leave the alternate screen, show the cursor, modes
// off), written on a crash after the settings are restored.
void crash_guard_leave_with(const char *bytes, size_t length);

// The terminal was given back the normal way: a crash no longer touches it.
void crash_guard_disarm(void);

// Makes the process undumpable (prctl PR_SET_DUMPABLE 0: no core, /proc/PID/* owned by root, no
// ptrace by the same user) and its core size zero; called first, before any secret is read.
// (prctl is variadic, which Swift cannot call.)
void process_harden(void);

// 1 while the process is dumpable, 0 once `process_harden` made it not.
int process_is_dumpable(void);

#endif

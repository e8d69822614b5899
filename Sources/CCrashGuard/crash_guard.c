#include "crash_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT};
enum { crash_signal_count = sizeof crash_signals / sizeof crash_signals[0] };

static struct sigaction previous[crash_signal_count];
static volatile sig_atomic_t installed = 0;
static volatile sig_atomic_t armed = 0;
static volatile sig_atomic_t chain_backtracer = 0;
static int settings_fd = -1;
static int output_fd = -1;
static struct termios saved_settings;
static char leave_bytes[256];
static size_t leave_length = 0;

static void on_crash(int signal_number, siginfo_t *info, void *context) {
    if (armed) {
        armed = 0;
        tcsetattr(settings_fd, TCSANOW, &saved_settings);
        size_t written = 0;
        while (written < leave_length) {
            ssize_t count = write(output_fd, leave_bytes + written, leave_length - written);
            if (count <= 0) break;
            written += (size_t)count;
        }
    }
    // The runtime's backtracer waits for a key when standard input is a terminal: never wait.
    int null = open("/dev/null", O_RDONLY);
    if (null > 0) {
        dup2(null, STDIN_FILENO);
        close(null);
    }
    // One line on standard error: which signal. The runtime's backtracer is asked only when
    // SWIFT_BACKTRACE was set (a developer's choice): started by default, it outlived the crash
    // holding the caller's pipes (`eval "$(lastfm-auth --print env)"` never returned), and it
    // reads this process's memory, which holds secrets.
    char line[48] = "lastfm-auth crashed (signal ";
    size_t length = strlen(line);
    if (signal_number >= 10) line[length++] = (char)('0' + signal_number / 10 % 10);
    line[length++] = (char)('0' + signal_number % 10);
    line[length++] = ')';
    line[length++] = '\n';
    ssize_t ignored = write(STDERR_FILENO, line, length);
    (void)ignored;
    // Whoever had the signal before (the runtime's backtracer) reports the crash first, if asked.
    for (int i = 0; chain_backtracer && i < crash_signal_count; i++) {
        if (crash_signals[i] != signal_number) continue;
        struct sigaction *before = &previous[i];
        if ((before->sa_flags & SA_SIGINFO) && before->sa_sigaction != NULL) {
            before->sa_sigaction(signal_number, info, context);
        } else if (before->sa_handler != SIG_DFL && before->sa_handler != SIG_IGN) {
            before->sa_handler(signal_number);
        }
    }
    // Then the crash goes on as the system ends it: the signal's exit status, a core where they
    // are kept. (A handler that returns would resume a signal sent by kill(1) as if nothing happened.)
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal_number, &fallback, NULL);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, signal_number);
    raise(signal_number);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

void crash_guard_install(void) {
    if (!installed) {
        chain_backtracer = getenv("SWIFT_BACKTRACE") != NULL;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = on_crash;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;  // the runtime's alternate stack, for a stack overflow
        sigemptyset(&action.sa_mask);
        for (int i = 0; i < crash_signal_count; i++) sigaction(crash_signals[i], &action, &previous[i]);
        installed = 1;
    }
}

int crash_guard_arm(int terminal, int output) {
    struct termios settings;
    if (tcgetattr(terminal, &settings) != 0) return -1;
    armed = 0;
    saved_settings = settings;
    settings_fd = terminal;
    output_fd = output;
    leave_length = 0;
    crash_guard_install();
    armed = 1;
    return 0;
}

void crash_guard_leave_with(const char *bytes, size_t length) {
    int was_armed = armed;
    armed = 0;
    leave_length = length < sizeof leave_bytes ? length : sizeof leave_bytes;
    memcpy(leave_bytes, bytes, leave_length);
    armed = was_armed;
}

void crash_guard_disarm(void) {
    armed = 0;
}

void process_harden(void) {
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
}

int process_is_dumpable(void) {
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
}

#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

// Wide-character ncurses: these must come before any system header.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <stdio.h>
#include <unistd.h>

// What Swift cannot see directly: macros, and globals that Swift 6 rejects as shared mutable state.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline attr_t cn_normal(void) { return A_NORMAL; }
static inline attr_t cn_bold(void) { return A_BOLD; }
static inline attr_t cn_dim(void) { return A_DIM; }
static inline attr_t cn_reverse(void) { return A_REVERSE; }
static inline attr_t cn_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline int cn_key_f(int n) { return KEY_F(n); }

static inline int cn_cursor_row(void) { return getcury(stdscr); }
static inline int cn_cursor_column(void) { return getcurx(stdscr); }
// The terminal's own strings for underline on and all attributes off (NULL when it has none).
static inline const char *cn_underline_on(void) { return enter_underline_mode; }
static inline const char *cn_attributes_off(void) { return exit_attribute_mode; }
// What gives the screen back: leave the alternate screen, normal cursor, keypad off (NULL when none).
static inline const char *cn_exit_ca_mode(void) { return exit_ca_mode; }
static inline const char *cn_cursor_normal(void) { return cursor_normal; }
static inline const char *cn_keypad_local(void) { return keypad_local; }

// Whether terminfo has an entry for `name`, without touching the screen and without ncurses'
// habit of printing "Error opening terminal" and exiting.
static inline int cn_has_terminfo(const char *name) {
    int status = 0;
    if (setupterm((char *)name, STDOUT_FILENO, &status) != OK || status != 1) return 0;
    del_curterm(cur_term);
    return 1;
}

// Opens the screen as terminal type `name`, reading keys from `input` and drawing on `output`
// (standard input and output, or the controlling terminal); NULL if it cannot.
static inline SCREEN *cn_open_screen(const char *name, int input, int output) {
    FILE *out = fdopen(output, "w");
    FILE *in = fdopen(input, "r");
    if (out == NULL || in == NULL) return NULL;
    SCREEN *screen = newterm(name, out, in);
    if (screen != NULL) set_term(screen);
    return screen;
}

#endif

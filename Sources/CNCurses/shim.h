// The C surface of ncursesw that Swift cannot import directly.
//
// SwiftPM drops pkg-config's -D flags, so the wide-character API is switched on here.
// Swift does not import function-like or computed macros (A_BOLD, BUTTON1_PRESSED), and in
// Swift 6 mode C mutable globals (stdscr, stdout, COLORS) are errors: each gets a tiny
// prefixed inline accessor instead, as in SwiftNIO's CNIOLinux.
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
// Debian and Homebrew ship the wide-character build as ncursesw/; macOS's own ncurses is
// wide-character capable under the plain names.
#if __has_include(<ncursesw/ncurses.h>)
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>
#else
#include <ncurses.h>
#include <term.h>
#endif

// Text attributes (attr_t); WA_* equal A_* in ncurses.
static inline attr_t cncurses_attribute_bold(void) { return A_BOLD; }
static inline attr_t cncurses_attribute_dim(void) { return A_DIM; }
static inline attr_t cncurses_attribute_reverse(void) { return A_REVERSE; }
static inline attr_t cncurses_attribute_underline(void) { return A_UNDERLINE; }
static inline attr_t cncurses_attribute_normal(void) { return A_NORMAL; }

// Mouse button masks (NCURSES_MOUSE_VERSION 2: buttons 4 and 5 are the wheel).
static inline mmask_t cncurses_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cncurses_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cncurses_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t cncurses_wheel_down(void) { return BUTTON5_PRESSED; }

// C globals that Swift 6 refuses to read.
static inline FILE *cncurses_stdin(void) { return stdin; }
static inline FILE *cncurses_stdout(void) { return stdout; }
static inline WINDOW *cncurses_stdscr(void) { return stdscr; }
static inline int cncurses_colors(void) { return COLORS; }
static inline int cncurses_color_pairs(void) { return COLOR_PAIRS; }

// The current locale's character encoding, e.g. "UTF-8" (CODESET is an enum Swift imports as Int).
static inline const char *cncurses_locale_codeset(void) { return nl_langinfo(CODESET); }

// <wchar.h> declares wcwidth only under _XOPEN_SOURCE, which Swift's Glibc module does not set.
int wcwidth(wchar_t character);

#endif

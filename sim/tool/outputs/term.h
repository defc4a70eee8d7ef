/* term.h - text for a terminal: what a message quotes never reaches it
 * as an escape sequence.
 * SPDX-License-Identifier: MIT */
#ifndef FW_TERM_H
#define FW_TERM_H

#include <stdio.h>

/* Writes s with control characters shown as \xNN (C1 as \u00NN): what
 * a message quotes from a file or a command line never reaches a
 * terminal as an escape sequence. */
void term_puts(FILE *f, const char *s);
/* Writes one line formatted as printf(3) does, through term_puts, and a
 * line break: a message that quotes a name, a path or a file's text. */
void term_line(FILE *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif

/* interrupt.h - what a signal leaves behind: nothing half-written.
 * SPDX-License-Identifier: MIT */
#ifndef FW_INTERRUPT_H
#define FW_INTERRUPT_H

/* From now on, SIGINT, SIGTERM and SIGHUP remove the temporary files and
 * folders this process writes in dir before they end it. */
void interrupt_guard(const char *dir);

#endif

/* money.h - money as titles and sentences write it.
 * SPDX-License-Identifier: MIT */
#ifndef FW_MONEY_H
#define FW_MONEY_H

#include <stddef.h>

/* "$288.1M", "-$18.4M": dollars in millions to one decimal. */
void money(double x, char *buf, size_t size);

#endif

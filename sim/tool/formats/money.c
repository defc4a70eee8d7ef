/* money.c - money as titles and sentences write it.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "money.h"

void
money(double x, char *buf, size_t size)
{
	if (isnan(x))
		snprintf(buf, size, "n/a");
	else
		snprintf(buf, size, "%s$%.1fM", x < 0 && fabs(x) >= 5e4 ? "-" :
		    "", fabs(x) / 1e6);
}

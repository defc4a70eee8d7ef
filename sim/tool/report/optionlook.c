/* optionlook.c - a report's options as the library shows them
 * (fw_option_label, fw_option_colours): labels, colours, the
 * recommendation in those labels.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "optionlook.h"

int
report_looks(report *d, const char *const *label,
    const char *const *description, const char *const *colour)
{
	char buf[512];
	size_t v;

	d->labels = calloc(d->nv + 1, sizeof(char *));
	d->colour = calloc(d->nv + 1, sizeof(*d->colour));
	if (d->labels == NULL || d->colour == NULL)
		return FW_ENOMEM;
	for (v = 0; v < d->nv; v++) {
		fw_option_label(d->names[v], label[v], description[v], buf,
		    sizeof(buf));
		if ((d->labels[v] = strdup(v == 0 ? "baseline" : buf)) ==
		    NULL)
			return FW_ENOMEM;
	}
	fw_option_colours((const char *const *)d->names, colour, d->nv,
	    d->colour);
	return FW_OK;
}

int
report_labelled(const report *d, fw_recommendation *out)
{
	size_t i;

	*out = d->rec;
	out->opt = malloc((d->rec.n + 1) * sizeof(fw_option));
	if (out->opt == NULL)
		return FW_ENOMEM;
	for (i = 0; i < d->rec.n; i++) {
		out->opt[i] = d->rec.opt[i];
		if (out->opt[i].variant < d->nv)
			out->opt[i].name = d->labels[out->opt[i].variant];
	}
	return FW_OK;
}

const char *
report_label_of(const report *d, const char *name)
{
	size_t v;

	for (v = 0; d->labels != NULL && v < d->nv; v++)
		if (strcmp(d->names[v], name) == 0)
			return d->labels[v];
	return name;
}

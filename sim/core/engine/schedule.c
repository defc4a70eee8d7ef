/* schedule.c - a variant's values month by month: the baseline's before
 * its start month, its own once its ramp is over, a blend in between, and
 * the programme cost it books (MODEL.md §7a).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model.h"

/* Whether the variant pays for a programme of its own: it gave
 * program_cost, or set one of its keys. */
static int
own_program(const fw_config *c)
{
	size_t i;

	if (c->own_program_cost)
		return 1;
	for (i = 0; i < c->nset; i++)
		if (strncmp(c->set_paths[i], "program_cost.", 13) == 0)
			return 1;
	return 0;
}

int
fwi_schedule_build(fw_schedule *s, const fw_config *base, const fw_config *c)
{
	size_t i, n = 0;
	int k;

	memset(s, 0, sizeof(*s));
	s->start = fwi_config_start(c);
	s->ramp = fwi_config_ramp(c);
	s->own_program = own_program(c);
	for (k = 0; k < FW_NGLOBAL; k++)
		s->whole[k] = fwi_key_global(k)->type == FW_TYPE_INT;
	s->base_chan = calloc(base->nchan + c->nchan + 1, sizeof(int));
	s->own_chan = calloc(base->nchan + c->nchan + 1, sizeof(int));
	if (s->base_chan == NULL || s->own_chan == NULL) {
		fwi_schedule_clear(s);
		return FW_ENOMEM;
	}
	for (i = 0; i < base->nchan; i++, n++) {
		s->base_chan[n] = (int)i;
		s->own_chan[n] = fwi_config_find_channel(c, base->chan[i].name);
	}
	for (i = 0; i < c->nchan; i++)
		if (fwi_config_find_channel(base, c->chan[i].name) < 0) {
			s->base_chan[n] = -1;
			s->own_chan[n++] = (int)i;
		}
	s->nchan = n;
	return FW_OK;
}

void
fwi_schedule_clear(fw_schedule *s)
{
	free(s->base_chan);
	free(s->own_chan);
	memset(s, 0, sizeof(*s));
}

static double
blend(double b, double x, double w)
{
	return b + w * (x - b);
}

/* Sets r to the blend of b and x with weight w in (0, 1): numbers move
 * from b towards x, integers stay b's, a removed channel's touches fade
 * by 1 - w and an added channel's grow by w. */
static void
blend_values(fw_values *r, const fw_values *b, const fw_values *x,
    const fw_schedule *s, double w)
{
	size_t i, k;

	for (i = 0; i < FW_NGLOBAL; i++)
		r->g[i] = s->whole[i] ? b->g[i] : blend(b->g[i], x->g[i], w);
	r->nseg = b->nseg;
	r->total_hcps = b->total_hcps;
	for (i = 0; i < b->nseg; i++) {
		r->seg[i] = b->seg[i];
		r->seg[i].scripts = blend(b->seg[i].scripts, x->seg[i].scripts,
		    w);
		r->seg[i].trust = blend(b->seg[i].trust, x->seg[i].trust, w);
	}
	r->nchan = s->nchan;
	for (i = 0; i < s->nchan; i++) {
		double *to = &r->chan[i * FW_NCHANNEL];
		const double *from_b = s->base_chan[i] < 0 ? NULL :
		    &b->chan[(size_t)s->base_chan[i] * FW_NCHANNEL];
		const double *from_x = s->own_chan[i] < 0 ? NULL :
		    &x->chan[(size_t)s->own_chan[i] * FW_NCHANNEL];
		if (from_x == NULL) {
			memcpy(to, from_b, FW_NCHANNEL * sizeof(double));
			to[FW_C_TOUCHES] *= 1 - w;
		} else if (from_b == NULL) {
			memcpy(to, from_x, FW_NCHANNEL * sizeof(double));
			to[FW_C_TOUCHES] *= w;
		} else
			for (k = 0; k < FW_NCHANNEL; k++)
				to[k] = blend(from_b[k], from_x[k], w);
	}
}

const fw_values *
fwi_schedule_values(fw_work *w, const fw_schedule *s, const fw_values *own,
    int t)
{
	if (t < s->start)
		return &w->base;
	if (t >= s->start + s->ramp)
		return own;
	blend_values(&w->ramp, &w->base, own, s,
	    (double)(t - s->start + 1) / (s->ramp + 1));
	return fwi_values_derive(&w->ramp) == FW_OK ? &w->ramp : NULL;
}

double
fwi_schedule_program_cost(const fw_schedule *s, const fw_values *base,
    const fw_values *own, int t)
{
	if (!s->own_program || t < s->start)
		return base->g[FW_G_MONTHLY] + (t == 1 ? base->g[FW_G_UPFRONT] :
		    0);
	return own->g[FW_G_MONTHLY] + (t == s->start ? own->g[FW_G_UPFRONT] :
	    0);
}

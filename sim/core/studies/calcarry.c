/* calcarry.c - a calibrated scenario that carries the fit's uncertainty
 * (MODEL.md §7b): each identified input becomes the distribution of
 * eta ~ N(eta_hat, Sigma_ii) on its search scale (logitnormal between
 * the range's ends, lognormal above 0), joined by rank correlations
 * (6/pi) asin(r_ij / 2), so that the joint draw of eta is N(eta_hat,
 * Sigma).
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calibration.h"
#include "error.h"
#include "scenario.h"

/* Whether input j is drawn from its fitted distribution: identified,
 * with a covariance, on a scale a distribution can say. */
static int
carried(const fw_calibration *cal, size_t j)
{
	const fw_cal_param *p = &cal->par[j];

	return cal->cov != NULL && cal->fit[j].status == FW_FIT_IDENTIFIED &&
	    cal->role[j] == FW_ROLE_FREE &&
	    cal->cov[j * cal->npar + j] > 0 &&
	    (p->scale == FW_SCALE_LOGIT || p->lo == 0);
}

static int
set_distribution(const fw_calibration *cal, size_t j, fw_scenario *sc,
    fw_error *err)
{
	const fw_cal_param *p = &cal->par[j];
	double eta = fwi_cal_to_search(p, cal->fit[j].estimate);
	double sd = sqrt(cal->cov[j * cal->npar + j]);
	char mu[40], sigma[40], lo[40], hi[40], text[256];

	fw_format_real(eta, mu, sizeof(mu));
	fw_format_real(sd, sigma, sizeof(sigma));
	fw_format_real(p->lo, lo, sizeof(lo));
	fw_format_real(p->hi, hi, sizeof(hi));
	if (p->scale == FW_SCALE_LOGIT)
		snprintf(text, sizeof(text), "{dist: logitnormal, mu: %s, "
		    "sigma: %s, min: %s, max: %s}", mu, sigma, lo, hi);
	else
		snprintf(text, sizeof(text), "{dist: lognormal, mu: %s, "
		    "sigma: %s}", mu, sigma);
	return fw_scenario_set(sc, NULL, p->path, text, err);
}

/* Drops the scenario's own correlations of inputs the fit made fixed
 * numbers (held at an end of the range). */
static int
drop_fixed_pairs(fw_scenario *sc)
{
	fw_copula *c = &sc->copula;
	size_t i, n = 0;

	for (i = 0; i < c->npair; i++) {
		int a = fwi_scenario_uncertain(sc, c->pair[i].a);
		int b = fwi_scenario_uncertain(sc, c->pair[i].b);
		if (a < 0 || b < 0)
			return FW_ENOMEM;
		if (a && b) {
			c->pair[n++] = c->pair[i];
			continue;
		}
		free(c->pair[i].a);
		free(c->pair[i].b);
	}
	c->npair = n;
	return FW_OK;
}

int
fw_calibration_fitted_distributions(const fw_calibration *cal,
    fw_scenario **out, fw_error *err)
{
	char why[1024];
	size_t i, j;
	int rc;

	if ((rc = fw_calibration_fitted(cal, out, err)) != FW_OK)
		return rc;
	for (j = 0; rc == FW_OK && j < cal->npar; j++)
		if (carried(cal, j))
			rc = set_distribution(cal, j, *out, err);
	if (rc == FW_OK && drop_fixed_pairs(*out) != FW_OK)
		rc = fwi_nomem(err);
	for (i = 0; rc == FW_OK && i < cal->npar; i++)
		for (j = i + 1; rc == FW_OK && j < cal->npar; j++) {
			double r;
			if (!carried(cal, i) || !carried(cal, j))
				continue;
			r = cal->cov[i * cal->npar + j] / sqrt(cal->cov[i *
			    cal->npar + i] * cal->cov[j * cal->npar + j]);
			rc = fwi_copula_replace(&(*out)->copula,
			    cal->par[i].path, cal->par[j].path, 6 / M_PI *
			    asin(r / 2));
			if (rc != FW_OK)
				rc = fwi_nomem(err);
		}
	if (rc == FW_OK && (rc = fwi_copula_factor(&(*out)->copula, why,
	    sizeof(why))) != FW_OK) {
		if (rc == FW_ENOMEM)
			rc = fwi_nomem(err);
		else {
			fw_error_set(err, FW_EINVALID, cal->file, 0, 0, "",
			    "the fitted inputs and the scenario's own "
			    "correlations cannot hold together: %s", why);
			rc = FW_EINVALID;
		}
	}
	if (rc != FW_OK) {
		fw_scenario_free(*out);
		*out = NULL;
	}
	return rc;
}

double
fw_calibration_covariance(const fw_calibration *cal, size_t i, size_t j)
{
	if (cal == NULL || cal->cov == NULL || i >= cal->npar ||
	    j >= cal->npar ||
	    cal->stage != FW_STAGE_DONE)
		return NAN;
	return cal->cov[i * cal->npar + j];
}

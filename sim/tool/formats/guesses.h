/* guesses.h - what calibrating changed, in money. A run of a calibrated
 * scenario also runs the scenario as it was before calibrating
 * (guessed.yaml, which flywheel calibrate writes beside the fit table)
 * on the same seed, replications and horizon; guesses.csv gives each
 * option's mean NPV in both runs, and flywheel plot reads it back.
 * SPDX-License-Identifier: MIT */
#ifndef FW_GUESSES_H
#define FW_GUESSES_H

#include <stdio.h>

#include "flywheel.h"

/* the scenario before calibrating, as flywheel calibrate names it */
#define GUESSED_FILE "guessed.yaml"

/* GUESSED_FILE beside the fit table fit, into buf; -1 when the path
 * does not fit. */
int guessed_path(const char *fit, char *buf, size_t size);

/* Mean NPV of option v of a finished run, as guesses.csv gives it;
 * FW_ENOMEM. */
int guesses_mean_npv(const fw_run *run, size_t v, double *x);

/* guesses.csv: variant,npv_mean_guessed,npv_mean_fitted, a row per
 * option of the run fitted, guessed being the run of guessed.yaml.
 * FW_ENOMEM. */
int guesses_write(const fw_run *fitted, const fw_run *guessed, FILE *f);

/* Each option's mean NPV in the run of the guesses, from
 * dir/guesses.csv, into guessed[v] for the nv options named names (the
 * baseline first); *found 0 when the run wrote none. FW_EIO naming the
 * file and line of a table flywheel did not write, or whose options are
 * not the run's. */
int guesses_read(const char *dir, size_t nv, char *const *names,
    double *guessed, int *found, fw_error *err);

#endif

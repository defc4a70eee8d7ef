/* caltables.h - what a calibration writes: calibrated.yaml, guessed.yaml,
 * fit.csv and fit-series.csv.
 * SPDX-License-Identifier: MIT */
#ifndef FW_CALTABLES_H
#define FW_CALTABLES_H

#include "flywheel.h"

/* Writes the finished calibration's files into dir (created if needed),
 * all or nothing. command_line is recorded in calibrated.yaml, whose
 * identified inputs are their fitted distributions, or with point the
 * estimates alone. */
int write_calibration(const fw_calibration *cal, int point, const char *dir,
    const char *command_line, fw_error *err);

/* What fit.csv's note says of input j (empty when it is identified),
 * into buf. */
void fit_note(const fw_calibration *cal, size_t j, char *buf, size_t size);

#endif

# Calibrations: inputs of a scenario's baseline fitted to a brand's
# observed months, step by step, read back as the command's fit.csv and
# fit-series.csv, with the calibrated scenario.

fw_calibrate <- function(file, threads = NULL, progress = interactive()) {
  file <- normalizePath(text_arg(file, "file"), mustWork = FALSE)
  threads <- whole(threads, "threads", 1, limit("threads"))
  cal <- .Call(C_fwr_calibration_load, file, threads)
  on.exit(.Call(C_fwr_release, cal))
  console <- isTRUE(progress)
  if (console)
    progress <- function(p) {
      cat(sprintf("\r%s: %g evaluations, lowest objective %.6g   ",
                  p$stage, p$evaluations, p$lowest), file = stderr())
    }
  # a step is a few evaluations: an interrupt is taken between two
  while (!.Call(C_fwr_calibration_step, cal))
    if (is.function(progress))
      progress(.Call(C_fwr_calibration_progress, cal))
  if (console)
    cat("\n", file = stderr())
  fit <- .Call(C_fwr_calibration_fit, cal)
  objective <- attr(fit, "objective")
  attr(fit, "objective") <- NULL
  structure(list(
    fit = list2DF(fit),
    series = list2DF(.Call(C_fwr_calibration_series, cal)),
    objective = objective,
    evaluations = .Call(C_fwr_calibration_progress, cal)$evaluations,
    scenario = new_scenario(.Call(C_fwr_calibration_fitted, cal)),
    file = file),
    class = "fw_calibration")
}

print.fw_calibration <- function(x, ...) {
  cat(sprintf("<flywheel calibration %s: objective %.6g after %g evaluations>\n",
              x$file, x$objective, x$evaluations))
  print(x$fit[, c("parameter", "estimate", "lower95", "upper95",
                  "status")], row.names = FALSE, digits = 4)
  cat("Tables: $fit $series; the fitted scenario: $scenario\n")
  invisible(x)
}

summary.fw_calibration <- function(object, ...) object$fit

# Runs: every option (the scenario's variants) simulated on common random
# numbers, read back as data frames in long format keyed by replication,
# option and month, with the columns of the command's tables.

fw_run <- function(sc, reps = 1000, months = NULL, seed = NULL,
                   threads = NULL, monthly = NULL,
                   progress = interactive(), workbook = NULL, out = NULL) {
  check_class(sc, "fw_scenario", "sc")
  if (!is.null(workbook) && (!is.character(workbook) ||
                             length(workbook) != 1 || is.na(workbook)))
    arg_fail("workbook must be one file name, e.g. \"results.xlsx\"")
  out <- text_arg(out, "out", null = TRUE)
  if (!is.null(monthly) && (!is.character(monthly) || anyNA(monthly)))
    arg_fail("monthly must name monthly series, e.g. c(\"revenue\", \"cash\")")
  reps <- whole(reps, "reps", 1, limit("replications"))
  months <- whole(months, "months", 1, limit("months"))
  seed <- whole(seed, "seed", 0, max_exact)
  threads <- whole(threads, "threads", 1, limit("threads"))
  ptr <- .Call(C_fwr_run_alloc, sc$ptr, reps, months, seed, threads)
  # the run's memory goes back at once, also on error or interrupt
  on.exit(.Call(C_fwr_release, ptr))
  run_steps(ptr, progress)
  # the tables and results.xlsx while the run is in memory: the
  # library's writers
  if (!is.null(out))
    write_tables(ptr, sc, out)
  if (!is.null(workbook))
    .Call(C_fwr_run_workbook, ptr, enc2native(workbook), command_line())
  info <- .Call(C_fwr_run_info, ptr)
  sci <- .Call(C_fwr_scenario_info, sc$ptr)
  structure(list(
    summary = list2DF(.Call(C_fwr_summary, ptr)),
    replications = list2DF(.Call(C_fwr_replications, ptr)),
    timeseries = list2DF(.Call(C_fwr_timeseries, ptr)),
    compare = list2DF(.Call(C_fwr_compare, ptr)),
    paired = list2DF(.Call(C_fwr_paired, ptr)),
    monthly = if (length(monthly))
      list2DF(.Call(C_fwr_monthly, ptr, enc2utf8(monthly))),
    recommendation = recommendation(ptr, info$replications),
    options = sci$variants, scenario = sci$name, file = sci$file,
    reps = info$replications, months = info$months, seed = info$seed,
    threads = info$threads, elapsed = info$elapsed),
    class = "fw_run")
}

# Simulates the run behind ptr (fwr_run_alloc and its kin) to its end,
# with progress as progress_reporter() makes it. A step simulates a
# replication per thread at least (the library runs blocks in parts);
# steps grow to about a quarter of a second, and an interrupt (Ctrl-C) is
# taken between two of them: nothing of the run is kept.
run_steps <- function(ptr, progress) {
  info <- .Call(C_fwr_run_info, ptr)
  report <- progress_reporter(progress, info$replications)
  unit <- info$threads
  step <- unit
  repeat {
    before <- .Call(C_fwr_run_info, ptr)$elapsed
    done <- .Call(C_fwr_run_step, ptr, step)
    report(done, info$replications)
    if (done >= info$replications)
      break
    took <- .Call(C_fwr_run_info, ptr)$elapsed - before
    step <- unit * max(1, min(4 * step / unit,
                              floor(0.25 / max(took, 1e-6) * step / unit)))
  }
  invisible(done)
}

# The run's tables and run.json into directory dir, made if need be, as
# `flywheel run -o dir` writes them: run.json names the fit table of a
# calibrated scenario from dir.
write_tables <- function(ptr, sc, dir) {
  dir <- path.expand(dir)
  if (!dir.exists(dir) && !dir.create(dir, recursive = TRUE,
                                      showWarnings = FALSE))
    fw_fail(4L, paste0(dir, ": cannot make the directory"), file = dir)
  fit <- .Call(C_fwr_scenario_info, sc$ptr)$calibration
  .Call(C_fwr_run_write, ptr, enc2native(dir), command_line(),
        if (!is.na(fit)) enc2utf8(path_from(dir, fit)))
  invisible(dir)
}

# The R process's command line, as run.json and the workbook's Settings
# record it: words quoted only where a shell needs it.
command_line <- function() {
  args <- commandArgs()
  plain <- grepl("^[A-Za-z0-9_./=:,+@%-]+$", args)
  args[!plain] <- shQuote(args[!plain])
  enc2utf8(paste(args, collapse = " "))
}

# path (named from the working directory) named from dir instead:
# relative when both directories exist, else absolute, as the command
# names a fit table in run.json.
path_from <- function(dir, path) {
  if (startsWith(path, "/"))
    return(path)
  parts <- function(p) strsplit(normalizePath(p, mustWork = TRUE), "/",
                                fixed = TRUE)[[1]][-1]
  from <- tryCatch(parts(dir), error = function(e) NULL)
  to <- tryCatch(parts(dirname(path)), error = function(e) NULL)
  if (is.null(from) || is.null(to))
    return(file.path(getwd(), path))
  n <- 0L
  while (n < min(length(from), length(to)) && from[n + 1L] == to[n + 1L])
    n <- n + 1L
  up <- rep("..", length(from) - n)
  paste(c(up, to[seq_along(to) > n], basename(path)), collapse = "/")
}

print.fw_run <- function(x, ...) {
  cat(sprintf(paste("<flywheel run of '%s': %s replications x %d months,",
                    "seed %s>\n"), x$scenario,
              format(x$reps, scientific = FALSE), x$months,
              format(x$seed, scientific = FALSE)))
  npv <- x$summary[x$summary$metric == "npv",
                   c("option", "mean", "p5", "p95")]
  cat("NPV by option:\n")
  print(npv, row.names = FALSE, digits = 4)
  if (nrow(x$compare) > 0) {
    cat("NPV gain over the baseline, paired by replication:\n")
    print(x$compare[, c("option", "dnpv_mean", "dnpv_lo95", "dnpv_hi95",
                        "p_dnpv_positive", "payback_month")],
          row.names = FALSE, digits = 4)
  }
  cat("Tables: $summary $replications $timeseries $compare $paired\n")
  cat(x$recommendation$title, ".\n", sep = "")
  invisible(x)
}

summary.fw_run <- function(object, ...) {
  structure(object$summary, class = c("summary.fw_run", "data.frame"),
            reps = object$reps, months = object$months, seed = object$seed)
}

print.summary.fw_run <- function(x, ...) {
  cat(sprintf("Statistics over %s replications of %d months (seed %s):\n",
              format(attr(x, "reps"), scientific = FALSE),
              attr(x, "months"), format(attr(x, "seed"),
                                        scientific = FALSE)))
  print(structure(x, class = "data.frame"), digits = 4, ...)
  invisible(x)
}

# The library's recommendation (fw_recommend(3)): what the command's
# console, workbook and board pack say.
recommendation <- function(ptr, reps) {
  rec <- .Call(C_fwr_recommendation, ptr)
  rec$options <- list2DF(rec$options)
  rec$close <- rec$call == "close"
  rec$reps <- reps
  structure(rec, class = "fw_recommendation")
}

# As `flywheel run` prints it.
print.fw_recommendation <- function(x, ...) {
  cat(x$title, ".\n", sep = "")
  if (length(x$lines)) {
    cat(x$answer, "\n\nEach option against the baseline, from ",
        format(x$reps, scientific = FALSE),
        " replications paired on the same random draws:\n", sep = "")
    cat(paste0(x$lines, "\n"), sep = "")
  }
  invisible(x)
}

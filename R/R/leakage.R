# Where value leaks: each stage of friction's gain removed alone and its
# exact Shapley share, as `flywheel leakage` computes them, through the
# library's fw_leakage; its run steps as fw_run's does (progress, Ctrl-C).

fw_leakage <- function(sc, stages = NULL, option = NULL, reps = NULL,
                       months = NULL, seed = NULL, threads = NULL,
                       progress = interactive()) {
  check_class(sc, "fw_scenario", "sc")
  if (!is.null(stages) && (!is.list(stages) && !is.vector(stages) ||
                           is.null(names(stages)) || any(names(stages) == "")))
    arg_fail(paste("stages must name each key path, e.g.",
                   "list(friction.access = 0.2)"))
  targets <- vapply(stages, function(v) {
    if (is.list(v))
      return(yaml_text(v))
    if (length(v) == 1L && is.numeric(v) && !is.na(v))
      return(fw_format(as.double(v)))
    if (length(v) == 1L && is.character(v) && !is.na(v))
      return(enc2utf8(v))
    arg_fail("each stage's target must be a number, YAML text or a list")
  }, "")
  # every replication runs 2^K configurations: the command's default is
  # the file's replications, at most 100
  if (is.null(reps))
    reps <- min(.Call(C_fwr_scenario_info, sc$ptr)$replications, 100)
  reps <- whole(reps, "reps", 1, limit("replications"))
  months <- whole(months, "months", 1, limit("months"))
  seed <- whole(seed, "seed", 0, max_exact)
  threads <- whole(threads, "threads", 1, limit("threads"))
  ptr <- .Call(C_fwr_leakage_alloc, sc$ptr,
               enc2utf8(as.character(names(targets))), unname(targets),
               text_arg(option, "option", null = TRUE), reps, months, seed,
               threads)
  # the run's memory goes back at once, also on error or interrupt
  on.exit(.Call(C_fwr_release, ptr))
  run_steps(ptr, progress)
  list2DF(.Call(C_fwr_leakage_rows, ptr))
}

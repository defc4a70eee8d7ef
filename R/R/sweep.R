# Sweeps: a sweep file's design over a scenario's inputs, every point a
# full run on the same random streams, read back as the command's
# sweep.csv (without its row hash) and sensitivity.csv.

sweep_stats <- c("mean", "se", "p5", "p50", "p95")

# A column name of sweep.csv: ':' as '.', anything but letters, digits,
# dots and underscores as '_', as read.csv would make it.
column_name <- function(text) {
  gsub("[^A-Za-z0-9._]", "_", gsub(":", ".", text, fixed = TRUE))
}

fw_sweep <- function(file, reps = NULL, seed = NULL, threads = NULL,
                     progress = interactive()) {
  file <- normalizePath(text_arg(file, "file"), mustWork = FALSE)
  reps <- whole(reps, "reps", 1, limit("replications"))
  seed <- whole(seed, "seed", 0, max_exact)
  threads <- whole(threads, "threads", 1, limit("threads"))
  sw <- .Call(C_fwr_sweep_load, file)
  on.exit(.Call(C_fwr_release, sw))
  .Call(C_fwr_sweep_set, sw, reps, seed)
  info <- .Call(C_fwr_sweep_info, sw)
  labels <- ifelse(is.na(info$variant), info$path,
                   paste0(info$variant, ":", info$path))
  design <- .Call(C_fwr_sweep_points, sw)
  n <- info$points
  table <- data.frame(point = seq_len(n))
  if (info$design == "sobol")
    table$block <- design[[1]]
  for (j in seq_along(labels))
    table[[column_name(labels[j])]] <- design[[2]][, j]
  report <- progress_reporter(progress, n)
  stats <- matrix(NA_real_, n, 5 * length(info$metrics))
  for (i in seq_len(n)) {
    # each point's run steps as fw_run's does: Ctrl-C is taken within it
    run <- .Call(C_fwr_sweep_point_run, sw, i - 1, threads)
    run_steps(run, FALSE)
    stats[i, ] <- .Call(C_fwr_sweep_point_stats, sw, run)
    .Call(C_fwr_release, run)
    report(i, n)
  }
  colnames(stats) <- column_name(paste0(rep(info$metrics, each = 5), "_",
                                        sweep_stats))
  table <- cbind(table, as.data.frame(stats))
  structure(list(
    table = table,
    sensitivity = sensitivity(sw, info, labels, table),
    parameters = data.frame(label = labels, path = info$path,
                            variant = info$variant, low = info$low,
                            high = info$high, base = info$base),
    design = info$design, metrics = info$metrics, file = info$file,
    reps = info$replications, months = info$months, seed = info$seed),
    class = "fw_sweep")
}

# sensitivity.csv's table, for the oneway and sobol designs; NULL for
# the others.
sensitivity <- function(sw, info, labels, table) {
  fields <- switch(info$design,
                   oneway = c("low", "high", "at_base", "at_low", "at_high",
                              "swing"),
                   sobol = c("s1", "s1_lo95", "s1_hi95", "st", "st_lo95",
                             "st_hi95"))
  if (is.null(fields))
    return(NULL)
  all <- c("low", "high", "at_base", "at_low", "at_high", "swing", "s1",
           "s1_lo95", "s1_hi95", "st", "st_lo95", "st_hi95")
  parts <- lapply(info$metrics, function(label) {
    y <- table[[column_name(paste0(label, "_mean"))]]
    m <- .Call(C_fwr_sweep_sensitivity, sw, as.double(y))
    colnames(m) <- all
    cbind(data.frame(metric = label, parameter = labels),
          as.data.frame(m[, fields, drop = FALSE]))
  })
  do.call(rbind, parts)
}

print.fw_sweep <- function(x, ...) {
  cat(sprintf("<flywheel sweep %s: %s design, %d points of %s replications x %d months>\n",
              x$file, x$design, nrow(x$table),
              format(x$reps, scientific = FALSE), x$months))
  cat("parameters:", paste(x$parameters$label, collapse = ", "), "\n")
  cat("metrics:", paste(x$metrics, collapse = ", "), "\n")
  if (!is.null(x$sensitivity)) {
    cat("sensitivity:\n")
    print(x$sensitivity, row.names = FALSE, digits = 4)
  }
  cat("Tables: $table", if (!is.null(x$sensitivity)) "$sensitivity",
      "$parameters\n")
  invisible(x)
}

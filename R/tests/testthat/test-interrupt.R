# Ctrl-C (SIGINT) stops a run between two of its steps: R's interrupt
# condition, with nothing written. The run is in another R process, which
# the test interrupts as a user would.

# Waits up to five minutes (a loaded machine) for file to hold a line
# starting with one of words; that line's fields.
wait_for <- function(file, words) {
  for (i in 1:3000) {
    lines <- if (file.exists(file)) readLines(file, warn = FALSE)
    hit <- lines[sub(" .*", "", lines) %in% words]
    if (length(hit))
      return(strsplit(trimws(hit[1]), " ")[[1]])
    Sys.sleep(0.1)
  }
  stop("no line of ", paste(words, collapse = " or "), " in ", file)
}

interrupted <- '
library(flywheel)
args <- commandArgs(TRUE)
log <- args[2]
last <- NULL
progress <- function(done, total) {
  if (is.null(last))
    cat("started", Sys.getpid(), "\n", file = log, append = TRUE)
  last <<- c(done, total)
}
tryCatch({
  %s
  cat("finished\n", file = log, append = TRUE)
}, interrupt = function(e)
  cat("interrupted", last, "\n", file = log, append = TRUE))
'

# Runs call (R text using progress, args[1] the scenario and args[3] a
# directory) in a process of its own, interrupts it once it has started,
# and returns the fields of its last line.
interrupt_r <- function(call) {
  dir <- tempfile()
  dir.create(dir)
  script <- file.path(dir, "long.R")
  writeLines(sprintf(interrupted, call), script)
  log <- file.path(dir, "log")
  system2(file.path(R.home("bin"), "Rscript"),
          c(script, file.path(source_tree(), "scenarios", "default.yaml"),
            log, file.path(dir, "out")),
          env = paste0("R_LIBS=", paste(.libPaths(), collapse = ":")),
          wait = FALSE, stdout = FALSE, stderr = FALSE)
  # the run is killed when this returns, whatever happened: a test that
  # fails must not leave a long run behind
  on.exit(if (exists("pid", inherits = FALSE)) tools::pskill(pid, tools::SIGKILL), add = TRUE)
  pid <- as.integer(wait_for(log, "started")[2])
  tools::pskill(pid, tools::SIGINT)
  out <- wait_for(log, c("interrupted", "finished"))
  expect_identical(sort(list.files(dir)), c("log", "long.R"))
  out
}

test_that("Ctrl-C stops fw_run between steps, writing nothing", {
  out <- interrupt_r(paste("fw_run(fw_scenario(args[1]), reps = 4000,",
                           "threads = 1, progress = progress,",
                           "out = args[3])"))
  expect_identical(out[1], "interrupted")
  expect_lt(as.numeric(out[2]), 4000)
})

test_that("Ctrl-C stops fw_leakage between steps", {
  out <- interrupt_r(paste("fw_leakage(fw_scenario(args[1]), reps = 4000,",
                           "threads = 1, progress = progress)"))
  expect_identical(out[1], "interrupted")
  expect_lt(as.numeric(out[2]), 4000)
})

# fw_sweep's tables are the command's sweep.csv (less its row hash) and
# sensitivity.csv, byte for byte.

sweep_file <- function(lines) {
  file <- tempfile(fileext = ".yaml")
  writeLines(c(paste("scenario:", small_file()), "replications: 3",
               "months: 6", lines), file)
  file
}

sweep_lines <- function(dir) {
  lines <- readLines(file.path(dir, "sweep.csv"))
  sub(",[^,]*$", "", lines)          # the row hash, last
}

test_that("a oneway sweep is the command's", {
  file <- sweep_file(c(
    "design: oneway", "parameters:", "  - path: friction.access",
    "  - {path: friction.onboarding, range: [0.1, 0.5]}",
    "  - {path: program_cost.monthly, variant: fix, range: [1000, 5000]}",
    "metrics:", "  - dnpv: fix", "  - dnpv: {variant: fix, against: hub}"))
  out <- tempfile()
  cli("sweep", "-q", "--no-plots", "-o", out, file)
  seen <- NULL
  sw <- fw_sweep(file, threads = 2,
                 progress = function(done, total) seen <<- c(seen, done))
  expect_identical(seen, 1:7)
  expect_s3_class(sw, "fw_sweep")
  expect_identical(sw$parameters$label, c("friction.access",
    "friction.onboarding", "fix:program_cost.monthly"))
  expect_identical(csv_lines(sw$table), sweep_lines(out))
  expect_identical(csv_lines(sw$sensitivity),
                   readLines(file.path(out, "sensitivity.csv")))
  expect_output(print(sw), "oneway design, 7 points")
})

test_that("a sobol sweep is the command's, and reps and seed replace the file's", {
  file <- sweep_file(c(
    "design: sobol", "base_samples: 4", "bootstrap: 50", "parameters:",
    "  - {path: friction.access, range: [0.3, 0.5]}",
    "  - {path: friction.onboarding, range: [0.1, 0.5]}",
    "metrics:", "  - dnpv: fix"))
  out <- tempfile()
  cli("sweep", "-q", "--no-plots", "--reps", "2", "--seed", "11", "-o", out,
      file)
  sw <- fw_sweep(file, reps = 2, seed = 11, progress = FALSE)
  expect_identical(sw$table$block[1:5], c(rep("A", 4), "B"))
  expect_identical(csv_lines(sw$table), sweep_lines(out))
  expect_identical(csv_lines(sw$sensitivity),
                   readLines(file.path(out, "sensitivity.csv")))
})

test_that("a bad sweep file is an error with its place", {
  file <- sweep_file(c("design: grid", "parameters:",
                       "  - {path: friction.acces, range: [0.1, 0.5]}",
                       "metrics:", "  - dnpv: fix"))
  e <- tryCatch(fw_sweep(file), error = identity)
  expect_s3_class(e, "flywheel_input_error")
  expect_identical(c(e$line, e$column), c(6L, 12L))
  expect_identical(e$path, "parameters[0].path")
  expect_match(conditionMessage(e), "no such key to vary")
})

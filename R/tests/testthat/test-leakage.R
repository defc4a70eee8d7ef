# fw_leakage is `flywheel leakage`: the same stages, replications and
# seed give leakage.csv's numbers, written as the command writes them.

test_that("a decomposition is the command's", {
  sc <- fw_scenario(small_file())
  seen <- NULL
  lk <- fw_leakage(sc, stages = list(experience.incoherence = 0,
                                     friction.access = 0.2),
                   option = "hub", reps = 4, months = 13, seed = 3,
                   threads = 2,
                   progress = function(done, total) seen <<- c(done, total))
  # progress as fw_run gives it: replications done of all
  expect_identical(seen, c(4, 4))
  out <- file.path(tempdir(), "leakage-cli")
  cli("leakage", "--no-plots", "-q", "--reps", "4", "--months", "13",
      "--seed", "3", "--threads", "1", "--variant", "hub",
      "--stage", "experience.incoherence=0", "--stage",
      "friction.access=0.2", "-o", out, small_file())
  want <- readLines(file.path(out, "leakage.csv"))
  # the command's file without its label column (the second)
  fields <- strsplit(want, ",", fixed = TRUE)
  want <- vapply(fields, function(f) paste(f[-2], collapse = ","), "")
  expect_identical(csv_lines(lk), want)
  expect_identical(unique(lk$stage),
                   c("friction.prescribe", "friction.onboarding",
                     "friction.access", "friction.continuity",
                     "friction.support", "experience.incoherence", "all"))
})

test_that("what the command refuses, fw_leakage refuses", {
  sc <- fw_scenario(small_file())
  expect_error(fw_leakage(sc, option = "nope", reps = 2), "no variant",
               class = "flywheel_error")
  expect_error(fw_leakage(sc, stages = list(friction.onboarding = 1.5),
                          reps = 2), "friction.onboarding",
               class = "flywheel_error")
  expect_error(fw_leakage(sc, stages = list(1)), "stages must name",
               class = "flywheel_error")
})

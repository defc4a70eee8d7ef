# fw_run's tables are the command's, byte for byte.

test_that("every table of fw_run is the command's CSV", {
  out <- tempfile()
  cli("run", "-q", "--no-plots", "--reps", "30", "--months", "14",
      "--seed", "7", "-o", out, small_file())
  r <- fw_run(fw_scenario(small_file()), reps = 30, months = 14, seed = 7,
              threads = 2, progress = FALSE)
  for (table in c("summary", "replications", "timeseries", "compare",
                  "paired"))
    expect_identical(csv_lines(r[[table]]),
                     readLines(file.path(out, paste0(table, ".csv"))),
                     label = table)
})

test_that("a changed scenario is the command's --set", {
  out <- tempfile()
  cli("run", "-q", "--no-plots", "--reps", "8", "--seed", "2",
      "--set", "friction.onboarding=0.25", "-o", out, small_file())
  sc <- fw_set(fw_scenario(small_file()), "friction.onboarding", 0.25)
  r <- fw_run(sc, reps = 8, seed = 2, progress = FALSE)
  expect_identical(csv_lines(summary(r)),
                   readLines(file.path(out, "summary.csv")))
})

test_that("the recommendation is the words the command prints", {
  out <- tempfile()
  printed <- cli("run", "--no-plots", "--reps", "20", "--months", "14",
                 "--seed", "3", "-o", out, small_file())
  r <- fw_run(fw_scenario(small_file()), reps = 20, months = 14, seed = 3,
              progress = FALSE)
  rec <- r$recommendation
  said <- capture.output(print(rec))
  at <- match(said[1], printed)
  expect_false(is.na(at))
  expect_identical(printed[at + seq_along(said) - 1], said)
  expect_identical(rec$leader, rec$options$option[1])
  # the leader's gain is compare.csv's, to the bit
  expect_identical(rec$options$dnpv_mean[1],
                   r$compare$dnpv_mean[r$compare$option == rec$leader])
  expect_identical(rec$close, rec$call == "close")
})

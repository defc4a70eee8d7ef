# fw_calibrate's tables are the command's fit.csv and fit-series.csv,
# byte for byte, and its scenario the calibrated one.

test_that("a calibration is the command's", {
  file <- file.path(source_tree(), "tests", "data", "calibration",
                    "good.yaml")
  out <- tempfile()
  cli("calibrate", "-q", "--no-plots", "-o", out, file)
  seen <- 0
  cal <- fw_calibrate(file, threads = 2,
                      progress = function(p) seen <<- p$evaluations)
  expect_s3_class(cal, "fw_calibration")
  expect_true(seen > 0)
  want <- read.csv(file.path(out, "fit.csv"), colClasses = "character")
  got <- cal$fit
  for (col in c("estimate", "lower95", "upper95", "range_low", "range_high"))
    expect_identical(fw_format(got[[col]]), ifelse(want[[col]] == "", NA,
                                                   want[[col]]), label = col)
  expect_identical(got$parameter, want$parameter)
  expect_identical(got$bound_at_edge, want$bound_at_edge)
  expect_identical(got$identified, want$identified == "yes")
  expect_identical(csv_lines(cal$series),
                   readLines(file.path(out, "fit-series.csv")))
  body <- grep("^#", readLines(file.path(out, "calibrated.yaml")),
               value = TRUE, invert = TRUE)
  # calibrated.yaml adds the fit table written beside it
  expect_identical(tail(body, 1), 'calibration: "fit.csv"')
  expect_identical(strsplit(fw_yaml(cal$scenario), "\n")[[1]],
                   head(body, -1))
  expect_output(print(cal), "objective")
})

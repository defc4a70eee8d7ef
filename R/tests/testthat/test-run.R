test_that("numbers may be doubles, if whole", {
  sc <- fw_scenario(small_file())
  r <- fw_run(sc, reps = 3, months = 2, seed = 5, threads = 1, progress = FALSE)
  expect_identical(r$reps, 3)
  expect_identical(r$months, 2L)
  expect_identical(fw_run(sc, reps = 3L, months = 2L, seed = 5L,
                          progress = FALSE)$summary, r$summary)
  for (bad in list(30.5, -1, 0, NA, "30", c(2, 3), Inf))
    expect_error(fw_run(sc, reps = bad), "reps must be a whole number",
                 class = "flywheel_input_error")
  expect_error(fw_run(sc, reps = 2, months = 1.5), "months",
               class = "flywheel_error")
  expect_error(fw_run(sc, reps = 2, seed = -1), "seed",
               class = "flywheel_error")
  expect_error(fw_run(sc, reps = 2, threads = 0), "threads",
               class = "flywheel_error")
  # the library's own limits: flywheel.h's FW_MAX_THREADS and the
  # ranges of keys.def, as the command's params lists them
  header <- readLines(file.path(source_tree(), "sim", "flywheel.h"))
  most <- as.numeric(sub("^#define FW_MAX_THREADS ", "",
                         grep("^#define FW_MAX_THREADS ", header,
                              value = TRUE)))
  expect_identical(flywheel:::limit("threads"), most)
  params <- read.csv(text = cli("params", "--format", "csv"))
  hi <- function(key) as.numeric(sub(".*\\.\\.", "",
                                     params$range[params$key == key]))
  expect_identical(flywheel:::limit("months"), hi("horizon_months"))
  expect_identical(flywheel:::limit("replications"), hi("replications"))
  expect_error(fw_run(sc, reps = 2, months = hi("horizon_months") + 1),
               paste("from 1 to", hi("horizon_months")),
               class = "flywheel_input_error")
  expect_error(fw_run(sc, reps = hi("replications") + 1),
               format(hi("replications"), scientific = FALSE),
               class = "flywheel_input_error")
  expect_error(fw_run(sc, reps = 2, threads = most + 1),
               paste("from 1 to", most), class = "flywheel_input_error")
  expect_error(fw_leakage(sc, reps = 2, threads = most + 1),
               paste("from 1 to", most), class = "flywheel_input_error")
  expect_error(fw_run(list(), reps = 2), "fw_scenario", class = "flywheel_error")
})

test_that("tables are long, keyed by replication, option and month", {
  sc <- fw_scenario(small_file())
  r <- fw_run(sc, reps = 12, seed = 3, progress = FALSE)
  options <- c("baseline", "fix", "hub")
  expect_identical(r$options, options)
  reps <- r$replications
  expect_identical(reps$replication, rep(1:12, each = 3))
  expect_identical(reps$option, rep(options, 12))
  expect_identical(names(reps)[3:4], c("npv", "revenue"))
  expect_true("friction.access" %in% names(reps))
  # hub sets access friction itself: it draws nothing there
  expect_true(all(is.nan(reps$friction.access[reps$option == "hub"])))
  s <- summary(r)
  expect_s3_class(s, "summary.fw_run")
  expect_identical(nrow(s), 3L * length(fw_metrics()))
  npv <- s[s$metric == "npv", ]
  expect_equal(npv$mean, tapply(reps$npv, reps$option, mean)[options],
               ignore_attr = TRUE, tolerance = 1e-12)
  expect_equal(npv$p5, tapply(reps$npv, reps$option, quantile, 0.05,
                              type = 7)[options],
               ignore_attr = TRUE, tolerance = 1e-12)
  expect_identical(is.na(s$es5), s$metric != "npv")
  ts <- r$timeseries
  expect_identical(nrow(ts), 3L * 14L * length(fw_series()))
  expect_identical(unique(ts$month), 1:14)
  expect_identical(r$compare$option, c("fix", "hub"))
  gain <- reps$npv[reps$option == "fix"] - reps$npv[reps$option == "baseline"]
  expect_equal(r$compare$dnpv_mean[1], mean(gain), tolerance = 1e-12)
  expect_type(r$compare$payback_month, "integer")
  expect_identical(nrow(r$paired), 2L * 14L)
  expect_output(print(r), "NPV by option")
  expect_output(print(s), "Statistics over 12 replications of 14 months")
})

test_that("results are the same for any threads and steps, and follow the seed", {
  sc <- fw_scenario(small_file())
  one <- fw_run(sc, reps = 20, seed = 9, threads = 1, progress = FALSE)
  steps <- integer(0)
  two <- fw_run(sc, reps = 20, seed = 9, threads = 2,
                progress = function(done, total) steps <<- c(steps, done))
  expect_identical(one[1:5], two[1:5])
  expect_identical(tail(steps, 1), 20)
  other <- fw_run(sc, reps = 20, seed = 10, progress = FALSE)
  expect_false(identical(one$replications$npv, other$replications$npv))
})

test_that("the package is versioned with the library", {
  expect_identical(as.character(packageVersion("flywheel")),
                   unname(fw_version()["version"]))
  expect_identical(unname(fw_version()["model"]), "flywheel/1")
  expect_identical(fw_format(c(0.1 + 0.2, 1500000, NaN, NA)),
                   c("0.30000000000000004", "1500000", NA, NA))
})

test_that("monthly series come per replication, option and month", {
  sc <- fw_scenario(small_file())
  r <- fw_run(sc, reps = 5, months = 4, seed = 1, monthly = c("revenue", "cash"),
              progress = FALSE)
  m <- r$monthly
  expect_identical(nrow(m), 2L * 5L * 3L * 4L)
  expect_identical(names(m), c("replication", "option", "month", "series",
                               "value"))
  rev <- m[m$series == "revenue" & m$option == "fix" & m$month == 3, "value"]
  ts <- r$timeseries
  want <- ts[ts$metric == "revenue" & ts$option == "fix" & ts$month == 3, ]
  expect_equal(quantile(rev, c(0.05, 0.5, 0.95), type = 7,
                        names = FALSE), c(want$p5, want$p50, want$p95),
               tolerance = 1e-12)
  expect_null(fw_run(sc, reps = 2, progress = FALSE)$monthly)
  expect_error(fw_run(sc, reps = 2, monthly = "unaware"),
               "kept per replication", class = "flywheel_input_error")
})

test_that("an option added to a scenario runs beside the others", {
  sc <- fw_scenario(small_file())
  more <- fw_add_option(sc, "cheap-fix", from = "fix")
  more <- fw_set(more, "program_cost.monthly", 1000, option = "cheap-fix")
  r <- fw_run(more, reps = 4, months = 6, seed = 2, progress = FALSE)
  expect_identical(r$options, c("baseline", "fix", "hub", "cheap-fix"))
  cmp <- r$compare
  # the same changes at a lower cost, on the same random numbers
  expect_gt(cmp$dnpv_mean[cmp$option == "cheap-fix"],
            cmp$dnpv_mean[cmp$option == "fix"])
  expect_error(fw_add_option(sc, "fix"), class = "flywheel_input_error")
})

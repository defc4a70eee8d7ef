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

test_that("fw_run writes the command's files, run.json recording the run", {
  cmd <- tempfile()
  cli("run", "-q", "--no-plots", "--reps", "8", "--months", "13", "--seed",
      "2", "--threads", "1", "--set", "friction.onboarding=0.25", "--set",
      shQuote("friction.continuity={dist: uniform, min: 0.1, max: 0.2}"),
      "-o", cmd, small_file())
  # as the command's --set gives them, so that run.json records the same
  sc <- fw_set(fw_scenario(small_file()), "friction.onboarding", 0.25)
  sc <- fw_set(sc, "friction.continuity",
               "{dist: uniform, min: 0.1, max: 0.2}")
  out <- file.path(tempfile(), "made")
  r <- fw_run(sc, reps = 8, months = 13, seed = 2, threads = 2,
              progress = FALSE, out = out)
  expect_same_results(out, cmd)
  expect_identical(sort(list.files(out, all.files = TRUE, no.. = TRUE)),
                   sort(c(paste0(c("summary", "replications", "timeseries",
                                   "compare", "paired"), ".csv"),
                          "run.json")))
  # every override made in R, the threads and the file's SHA-256, which
  # an auditor checks with sha256sum
  json <- readLines(file.path(out, "run.json"))
  overrides <- json[seq(grep('"overrides"', json), grep('"warmup_months"',
                                                         json) - 1)]
  overrides <- grep('"path"', overrides, value = TRUE)
  expect_length(overrides, 2)
  expect_match(overrides[1], '"variant": null, "path": "friction.onboarding", "value": "0.25"', fixed = TRUE)
  expect_match(overrides[2], '"variant": null, "path": "friction.continuity", "value": "{dist: uniform, min: 0.1, max: 0.2}"', fixed = TRUE)
  expect_identical(run_json_value(out, "threads"), "2")
  expect_identical(run_json_value(out, "processes"), "1")
  sha <- strsplit(system2("sha256sum", small_file(), stdout = TRUE), " ")[[1]][1]
  expect_identical(run_json_value(out, "scenario_sha256"),
                   paste0('"', sha, '"'))
  # the tables R returns are the files'
  expect_identical(csv_lines(r$compare),
                   readLines(file.path(out, "compare.csv")))
})

test_that("run.json names a fit table from the results, as the command", {
  home <- tempfile()
  dir.create(file.path(home, "sc"), recursive = TRUE)
  writeLines(c(readLines(small_file()), 'calibration: "fit.csv"'),
             file.path(home, "sc", "calibrated.yaml"))
  old <- setwd(home)
  on.exit(setwd(old))
  fw_run(fw_scenario("sc/calibrated.yaml"), reps = 3, progress = FALSE,
         out = "res/r")
  cli("run", "--no-plots", "-q", "--reps", "3", "-o", "res/cli",
      "sc/calibrated.yaml")
  expect_same_results("res/r", "res/cli")
  expect_identical(run_json_value("res/r", "calibration"),
                   '"../../sc/fit.csv"')
})

test_that("what cannot be written is an error and leaves no file", {
  sc <- fw_scenario(small_file())
  dir <- tempfile()
  dir.create(dir)
  # a directory where the first table goes: it cannot be put in place,
  # and no temporary file is left
  dir.create(file.path(dir, "summary.csv"))
  expect_error(fw_run(sc, reps = 2, progress = FALSE, out = dir),
               "summary.csv: cannot write", class = "flywheel_file_error")
  expect_identical(list.files(dir, all.files = TRUE, no.. = TRUE),
                   "summary.csv")
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

test_that("fw_run's workbook shows the options as the command's", {
  # labels cut from a description, a colour by name, one the file gives
  file <- tempfile(fileext = ".yaml")
  writeLines(sub("^  hub: \\{set:", "  hub: {colour: \"#112233\", set:",
                 readLines(small_file())), file)
  out <- tempfile()
  cli("run", "-q", "--no-plots", "--reps", "30", "--seed", "4", "-o", out,
      file)
  book <- tempfile(fileext = ".xlsx")
  fw_run(fw_scenario(file), reps = 30, seed = 4, progress = FALSE,
         workbook = book)
  a <- tempfile()
  b <- tempfile()
  unzip(file.path(out, "results.xlsx"), exdir = a)
  unzip(book, exdir = b)
  parts <- grep("^xl/(charts|worksheets)/", unzip(book, list = TRUE)$Name,
                value = TRUE)
  expect_identical(parts, grep("^xl/(charts|worksheets)/",
                               unzip(file.path(out, "results.xlsx"),
                                     list = TRUE)$Name, value = TRUE))
  # every chart and sheet to the byte: colours, labels, figures
  for (part in parts)
    expect_identical(readBin(file.path(b, part), "raw", 1e7),
                     readBin(file.path(a, part), "raw", 1e7), label = part)
  charts <- paste(unlist(lapply(file.path(b, grep("charts/", parts,
                                                  value = TRUE)),
                                readLines, warn = FALSE)), collapse = "")
  expect_match(charts, 'srgbClr val="112233"', fixed = TRUE)
  expect_match(paste(readLines(file.path(b, "xl", "sharedStrings.xml"),
                               warn = FALSE), collapse = ""),
               "onboarding redesigned", fixed = TRUE)
})

test_that("a scenario loads, and fw_set changes a copy", {
  sc <- fw_scenario(small_file())
  expect_s3_class(sc, "fw_scenario")
  expect_output(print(sc), "scenario 'small'.*baseline.*fix  onboarding redesigned.*hub")
  changed <- fw_set(sc, "friction.onboarding", 0.2)
  expect_equal(fw_value(changed, "friction.onboarding"), 0.2)
  expect_equal(fw_value(sc, "friction.onboarding"), 0.35)
  # a variant that sets the key itself keeps its value
  expect_equal(fw_value(changed, "friction.onboarding", option = "fix"), 0.1)
  one <- fw_set(sc, "friction.onboarding", 0.3, option = "hub")
  expect_equal(fw_value(one, "friction.onboarding", option = "hub"), 0.3)
  expect_equal(fw_value(one, "friction.onboarding"), 0.35)
})

test_that("a distribution is set from a list or from YAML text", {
  sc <- fw_scenario(small_file())
  a <- fw_set(sc, "experience.trust_gain",
              list(dist = "uniform", min = 0.04, max = 0.08))
  b <- fw_set(sc, "experience.trust_gain",
              "{dist: uniform, min: 0.04, max: 0.08}")
  expect_equal(fw_value(a, "experience.trust_gain", q = 0.25), 0.05)
  expect_identical(fw_yaml(a), fw_yaml(b))
  # numbers in a list go to the library as the same doubles
  x <- 0.1 + 0.2
  c <- fw_set(sc, "experience.trust_gain",
              list(dist = "uniform", min = x, max = 0.5))
  expect_identical(fw_value(c, "experience.trust_gain", q = 1e-300), x)
})

test_that("errors are flywheel_error conditions with the place", {
  sc <- fw_scenario(small_file())
  e <- tryCatch(fw_set(sc, "friction.acess", 0.3), error = identity)
  expect_s3_class(e, "flywheel_input_error")
  expect_s3_class(e, "flywheel_error")
  expect_identical(e$path, "friction.acess")
  expect_identical(conditionMessage(e), paste(
    "friction.acess: no such key to set (did you mean 'friction.access'?)"))
  expect_error(fw_set(sc, "friction.access", 1.5), class = "flywheel_input_error")

  bad <- tempfile(fileext = ".yaml")
  writeLines(c("name: bad", "horizon_months: 12", "replications: 2",
               "segments:", "  - {name: a, hcps: 10, scripts_per_month: 1}",
               "friction:", "  access: 1.7"), bad)
  e <- tryCatch(fw_scenario(bad), error = identity)
  expect_s3_class(e, "flywheel_input_error")
  expect_identical(c(e$line, e$column), c(7L, 11L))
  expect_identical(e$path, "friction.access")
  expect_identical(conditionMessage(e), paste0(bad, ":7:11: friction.access: ",
                                              "must be a number in [0, 1] (got 1.7)"))

  e <- tryCatch(fw_scenario(file.path(tempdir(), "none.yaml")),
                error = identity)
  expect_s3_class(e, "flywheel_file_error")
  expect_match(conditionMessage(e), "none.yaml: cannot open")
})

test_that("a scenario saved and restored must be loaded again", {
  sc <- fw_scenario(small_file())
  file <- tempfile(fileext = ".rds")
  saveRDS(sc, file)
  expect_error(fw_run(readRDS(file), reps = 2), "saved and restored",
               class = "flywheel_error")
})

library(testthat)
library(flywheel)

test_check("flywheel")

# What the tests share: the small scenario the package ships, the
# flywheel command (FLYWHEEL) and flywheel's source tree
# (FLYWHEEL_SRCDIR), which make check names; a test that needs one of
# them is skipped without it, and make check counts a skip as a failure.

small_file <- function() system.file("extdata", "small.yaml",
                                     package = "flywheel", mustWork = TRUE)

flywheel_command <- function() {
  cmd <- Sys.getenv("FLYWHEEL")
  skip_if(cmd == "", "FLYWHEEL does not name the flywheel command")
  cmd
}

source_tree <- function() {
  src <- Sys.getenv("FLYWHEEL_SRCDIR")
  skip_if(src == "", "FLYWHEEL_SRCDIR does not name the source tree")
  src
}

# Runs the flywheel command; fails the test with its messages if it
# fails.
cli <- function(...) {
  out <- suppressWarnings(system2(flywheel_command(), c(...), stdout = TRUE,
                                  stderr = TRUE))
  status <- attr(out, "status")
  if (!is.null(status) && status != 0)
    stop("flywheel ", paste(c(...), collapse = " "), ": ",
         paste(out, collapse = "\n"))
  out
}

# A data frame as the lines of the command's CSV file: numbers as the
# library writes them, nothing for NA, the option column called variant.
csv_lines <- function(df) {
  fields <- lapply(df, function(col) {
    if (is.double(col))
      col <- fw_format(col)
    col <- as.character(col)
    col[is.na(col)] <- ""
    col
  })
  header <- sub("^option$", "variant", names(df))
  c(paste(header, collapse = ","), do.call(paste, c(fields, sep = ",")))
}

# What run.json may say differently of two runs with the same results.
circumstances <- c("threads", "elapsed_seconds", "finished", "command_line")

# The lines of run.json in dir but those of the circumstances.
run_json <- function(dir) {
  lines <- readLines(file.path(dir, "run.json"))
  lines[!grepl(paste0('^ *"(', paste(circumstances, collapse = "|"),
                      ')":'), lines)]
}

# run.json's member key as its line gives it (numbers and strings).
run_json_value <- function(dir, key) {
  lines <- readLines(file.path(dir, "run.json"))
  line <- grep(paste0('^ *"', key, '": '), lines, value = TRUE)
  sub(",$", "", sub(paste0('^ *"', key, '": '), "", line))
}

# The files of two results directories are the same to the byte, run.json
# apart from its circumstances.
expect_same_results <- function(a, b) {
  for (table in c("summary", "replications", "timeseries", "compare",
                  "paired")) {
    file <- paste0(table, ".csv")
    expect_identical(readBin(file.path(a, file), "raw", 1e8),
                     readBin(file.path(b, file), "raw", 1e8), label = file)
  }
  expect_identical(run_json(a), run_json(b))
}

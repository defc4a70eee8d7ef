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

# What the library says of itself, and numbers written as its tables
# write them.

fw_format <- function(x) {
  if (!is.numeric(x))
    arg_fail("x must be numeric")
  .Call(C_fwr_format, as.double(x))
}

fw_version <- function() {
  v <- .Call(C_fwr_version)
  c(version = v[1], model = v[2])
}

fw_metrics <- function() .Call(C_fwr_names)[[1]]

fw_series <- function() .Call(C_fwr_names)[[2]]

# Progress: FALSE for none, TRUE for a bar on the console, or a function
# called with (done, total).
progress_reporter <- function(progress, total) {
  if (is.function(progress))
    return(progress)
  if (!isTRUE(progress) || !is.finite(total))
    return(function(done, total) invisible())
  bar <- txtProgressBar(min = 0, max = total, style = 3, file = stderr())
  function(done, total) {
    setTxtProgressBar(bar, done)
    if (done >= total)
      close(bar)
  }
}

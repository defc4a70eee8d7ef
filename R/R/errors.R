# Errors as R conditions. The C code hands every failure of the library
# to fw_fail, with the fields of its fw_error; arguments R itself refuses
# are failures of the same kind.

# The condition class of each fw_status.
status_classes <- c("1" = "flywheel_run_error", "3" = "flywheel_input_error",
                    "4" = "flywheel_file_error",
                    "5" = "flywheel_memory_error")

fw_fail <- function(status, text, file = "", line = 0L, column = 0L,
                    path = "", call = user_call()) {
  kind <- status_classes[as.character(status)]
  cond <- structure(
    class = c(if (!is.na(kind)) unname(kind), "flywheel_error", "error",
              "condition"),
    list(message = text, call = call, status = as.integer(status),
         file = file, line = as.integer(line), column = as.integer(column),
         path = path))
  stop(cond)
}

# An argument R refuses: an invalid input, like the library's.
arg_fail <- function(text) {
  fw_fail(3L, text)
}

# The call the user made: the outermost call of a function of this
# package, NULL when there is none.
user_call <- function() {
  ns <- topenv()
  for (i in seq_len(sys.nframe() - 1L))
    if (identical(topenv(environment(sys.function(i))), ns))
      return(sys.call(i))
  NULL
}

# x as a double holding a whole number in lo..hi, or NULL when x is NULL
# and that is allowed: R users write 30, not 30L.
whole <- function(x, name, lo, hi, null = TRUE) {
  if (is.null(x) && null)
    return(NULL)
  if (!is.numeric(x) || length(x) != 1L || is.na(x) || x != trunc(x) ||
      x < lo || x > hi)
    arg_fail(sprintf("%s must be a whole number from %s to %s (got %s)",
                     name, format(lo, scientific = FALSE),
                     format(hi, scientific = FALSE),
                     paste(deparse(x), collapse = " ")))
  as.double(x)
}

# The largest whole number a double holds exactly (a seed R can pass).
max_exact <- 2^53

# The library's limit named (threads, replications or months): R states
# none itself.
limit <- function(name) .Call(C_fwr_limits)[[name]]

check_class <- function(x, class, what) {
  if (!inherits(x, class))
    arg_fail(sprintf("%s must be %s (got an object of class %s)", what,
                     class, paste(class(x), collapse = "/")))
}

text_arg <- function(x, name, null = FALSE) {
  if (is.null(x) && null)
    return(NULL)
  if (!is.character(x) || length(x) != 1L || is.na(x))
    arg_fail(sprintf("%s must be one character string", name))
  enc2utf8(x)
}

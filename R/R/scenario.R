# Scenarios: loaded from a file or text, changed key by key (each change
# a new scenario, the old one left as it was), described.

fw_scenario <- function(file, text = NULL) {
  file <- text_arg(file, "file")
  text <- text_arg(text, "text", null = TRUE)
  # as given (~ expanded), as the command and run.json name it
  if (is.null(text))
    file <- path.expand(file)
  new_scenario(.Call(C_fwr_scenario_load, file, text))
}

new_scenario <- function(ptr) {
  structure(list(ptr = ptr), class = "fw_scenario")
}

fw_set <- function(sc, path, value, option = NULL) {
  check_class(sc, "fw_scenario", "sc")
  path <- text_arg(path, "path")
  option <- text_arg(option, "option", null = TRUE)
  if (is.numeric(value) && length(value) == 1L && !is.na(value)) {
    value <- as.double(value)
  } else if (is.list(value)) {
    value <- yaml_text(value)
  } else if (!is.character(value) || length(value) != 1L || is.na(value)) {
    arg_fail(paste("value must be a number, YAML text or a list such as",
                   "list(dist = \"beta\", alpha = 2, beta = 5)"))
  }
  new_scenario(.Call(C_fwr_scenario_set, sc$ptr, option, path, value))
}

# A list as YAML in flow style (JSON's form, which YAML reads): names
# become keys, numbers are written as the command writes them, so that
# they read back as the same doubles.
yaml_text <- function(x) {
  item <- function(v) {
    if (is.list(v))
      return(yaml_text(v))
    if (length(v) != 1L || is.na(v))
      arg_fail("each value of a list must be a single number or string")
    if (is.numeric(v))
      return(fw_format(as.double(v)))
    if (is.character(v))
      return(encodeString(enc2utf8(v), quote = "\""))
    arg_fail(sprintf("cannot write a %s as a scenario value", class(v)[1]))
  }
  values <- vapply(x, item, "")
  keys <- names(x)
  if (is.null(keys))
    return(paste0("[", paste(values, collapse = ", "), "]"))
  if (any(keys == ""))
    arg_fail("a list that stands for a mapping must name every element")
  paste0("{", paste0(keys, ": ", values, collapse = ", "), "}")
}

fw_add_option <- function(sc, name, from = NULL) {
  check_class(sc, "fw_scenario", "sc")
  new_scenario(.Call(C_fwr_scenario_add_variant, sc$ptr,
                     text_arg(name, "name"),
                     text_arg(from, "from", null = TRUE)))
}

fw_value <- function(sc, path, option = NULL, q = 0.5) {
  check_class(sc, "fw_scenario", "sc")
  if (!is.numeric(q) || length(q) != 1L || is.na(q))
    arg_fail("q must be one number in (0, 1)")
  .Call(C_fwr_scenario_value, sc$ptr,
        text_arg(option, "option", null = TRUE), text_arg(path, "path"),
        as.double(q))
}

fw_yaml <- function(sc) {
  check_class(sc, "fw_scenario", "sc")
  .Call(C_fwr_scenario_yaml, sc$ptr)
}

print.fw_scenario <- function(x, ...) {
  info <- .Call(C_fwr_scenario_info, x$ptr)
  cat(sprintf("<flywheel scenario '%s' from %s>\n", info$name, info$file))
  cat(sprintf("%d months, %s replications, seed %s\n", info$horizon,
              format(info$replications, scientific = FALSE),
              format(info$seed, scientific = FALSE)))
  desc <- ifelse(is.na(info$descriptions), "",
                 paste0("  ", info$descriptions))
  cat("options:\n", paste0("  ", info$variants, desc, "\n"), sep = "")
  invisible(x)
}

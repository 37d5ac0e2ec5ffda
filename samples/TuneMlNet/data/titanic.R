# Writes titanic.csv from the `titanic` data of the R package stablelearner (Debian: r-cran-stablelearner).
#
# usage: Rscript titanic.R [TITANIC_RDA] [OUT_CSV]
#   TITANIC_RDA defaults to the installed package's file; to convert without installing the package (it pulls in
#   several model packages), unpack it instead:
#     apt-get download r-cran-stablelearner && dpkg -x r-cran-stablelearner_*.deb pkg
#     Rscript titanic.R pkg/usr/lib/R/site-library/stablelearner/data/titanic.rda titanic.csv
#
# Only base R is used. Rows and values are kept as published (alphabetical by name, no sampling); the ordered
# factors sibsp and parch are written as the counts they stand for; a missing value is an empty field. Fields are
# quoted only when they hold a comma, a double quote or a line break (RFC 4180, quotes doubled), so the numeric and
# categorical columns read as plain values; every name holds a comma, so every name is quoted.
args <- commandArgs(trailingOnly = TRUE)
rda <- if (length(args) >= 1) args[[1]] else "/usr/lib/R/site-library/stablelearner/data/titanic.rda"
out <- if (length(args) >= 2) args[[2]] else "titanic.csv"

data <- new.env()
load(rda, envir = data)
titanic <- data$titanic
stopifnot(nrow(titanic) == 2207, ncol(titanic) == 11)

# Ordered factors whose levels are counts: the level text is the count.
titanic$sibsp <- as.integer(as.character(titanic$sibsp))
titanic$parch <- as.integer(as.character(titanic$parch))

field <- function(column) {
  if (is.numeric(column)) {
    # Each value on its own (format() would pad a column to common decimals), to 15 significant digits: the
    # fractional ages of babies and the fares survive unrounded, whole numbers stay whole.
    return(ifelse(is.na(column), "", sprintf("%.15g", column)))
  }
  text <- as.character(column)
  text[is.na(text)] <- ""
  quote <- grepl("[\",\r\n]", text)
  text[quote] <- paste0("\"", gsub("\"", "\"\"", text[quote], fixed = TRUE), "\"")
  text
}

columns <- lapply(titanic, field)
lines <- c(paste(names(titanic), collapse = ","), do.call(paste, c(columns, sep = ",")))
connection <- file(out, open = "wb", encoding = "UTF-8")
writeLines(enc2utf8(lines), connection, sep = "\n", useBytes = TRUE)
close(connection)
cat(sprintf("%s: %d rows, %d columns\n", out, nrow(titanic), ncol(titanic)))

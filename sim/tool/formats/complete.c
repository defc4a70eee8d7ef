/* complete.c - whether an output file was written whole: gnuplot or the
 * workbook writer killed, or a full disk, leaves a file that is empty
 * or cut short, and a cut file is never moved in as a result.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "complete.h"

/* How much of a file's end is read: a PDF's trailer and an SVG's
 * closing tag are within it. */
#define TAIL 1024

static int
ends_with_text(const char *tail, size_t n, const char *end)
{
	size_t m = strlen(end), k;

	for (k = n; k >= m; k--)
		if (memcmp(tail + k - m, end, m) == 0) {
			for (; k < n; k++)
				if (strchr(" \t\r\n", tail[k]) == NULL)
					return 0;
			return 1;
		}
	return 0;
}

static int
ends_as_png(const char *tail, size_t n)
{
	static const char iend[12] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D',
		(char)0xae, 0x42, 0x60, (char)0x82 };

	return n >= sizeof(iend) && memcmp(tail + n - sizeof(iend), iend,
	    sizeof(iend)) == 0;
}

/* A zip's end of central directory record, then its comment, ends the
 * file. */
static int
ends_as_zip(const char *tail, size_t n)
{
	size_t k;

	for (k = n >= 22 ? n - 22 + 1 : 0; k-- > 0;)
		if (memcmp(tail + k, "PK\005\006", 4) == 0 && k + 22 +
		    ((unsigned char)tail[k + 20] |
		    (unsigned char)tail[k + 21] << 8) == n)
			return 1;
	return 0;
}

/* Whether the file's ending is right for its extension; any ending for
 * an extension not known. */
static int
complete(const char *path, const char *tail, size_t n)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL)
		return 1;
	if (strcmp(dot, ".pdf") == 0)
		return ends_with_text(tail, n, "%%EOF");
	if (strcmp(dot, ".svg") == 0)
		return ends_with_text(tail, n, "</svg>");
	if (strcmp(dot, ".png") == 0)
		return ends_as_png(tail, n);
	if (strcmp(dot, ".xlsx") == 0)
		return ends_as_zip(tail, n);
	return 1;
}

int
check_output(const char *path, fw_error *err)
{
	char tail[TAIL];
	struct stat st;
	ssize_t n = -1;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) != 0) {
		fw_error_set(err, FW_EIO, path, 0, 0, "", "was not written: "
		    "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return FW_EIO;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0)
		n = pread(fd, tail, st.st_size < TAIL ? (size_t)st.st_size :
		    TAIL, st.st_size < TAIL ? 0 : st.st_size - TAIL);
	close(fd);
	if (!S_ISREG(st.st_mode) || st.st_size == 0) {
		fw_error_set(err, FW_EIO, path, 0, 0, "", "is empty "
		    "(is the disk full?)");
		return FW_EIO;
	}
	if (n < 0 || !complete(path, tail, (size_t)n)) {
		fw_error_set(err, FW_EIO, path, 0, 0, "", "was cut short: it "
		    "does not end as a whole file of its kind (is the disk "
		    "full?)");
		return FW_EIO;
	}
	return FW_OK;
}

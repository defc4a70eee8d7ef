/* interrupt.c - an interrupted command (SIGINT, SIGTERM, SIGHUP) removes
 * the files it was writing into its output directory, its temporary
 * tables (.NAME.RANDOM.PID.tmp) and folders (.plots.RANDOM.PID, any
 * .NAME.RANDOM.PID: outdir.c), following no symbolic link, and then dies
 * of the signal as it would have. The handler uses system calls only, as
 * a handler must.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "interrupt.h"

/* What the handler needs, made before any signal can arrive. */
static char guarded[4096];
static char pid_tmp[32], pid_end[32];

struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static int
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);

	return n >= m && memcmp(s + n - m, end, m) == 0;
}

static int
ours(const char *name)
{
	return name[0] == '.' && (ends_with(name, pid_tmp) ||
	    ends_with(name, pid_end));
}

/* Removes the entries of directory fd (all, or with only_ours those
 * named above), descending depth levels into folders. */
static void
remove_entries(int fd, int only_ours, int depth)
{
	char buf[4096];
	long n, off;

	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0)
		for (off = 0; off < n; off += ((struct linux_dirent64 *)
		    (buf + off))->d_reclen) {
			const char *name = ((struct linux_dirent64 *)
			    (buf + off))->d_name;
			int sub;
			if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
			    (only_ours && !ours(name)))
				continue;
			if (unlinkat(fd, name, 0) == 0 || depth == 0)
				continue;
			sub = openat(fd, name, O_RDONLY | O_DIRECTORY |
			    O_NOFOLLOW);
			if (sub >= 0) {
				remove_entries(sub, 0, depth - 1);
				close(sub);
				unlinkat(fd, name, AT_REMOVEDIR);
			}
		}
}

static void
on_signal(int sig)
{
	int saved = errno, fd = open(guarded, O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		/* .plots.PID/out/ is the deepest a command writes. */
		remove_entries(fd, 1, 2);
		close(fd);
	}
	errno = saved;
	signal(sig, SIG_DFL);
	raise(sig);
}

void
interrupt_guard(const char *dir)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old;
	size_t i;

	if (strlen(dir) >= sizeof(guarded))
		return;
	snprintf(pid_tmp, sizeof(pid_tmp), ".%ld.tmp", (long)getpid());
	snprintf(pid_end, sizeof(pid_end), ".%ld", (long)getpid());
	strcpy(guarded, dir);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);
	/* A signal ignored from the start (SIGINT of a background job)
	 * stays ignored. */
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
}

/* cluster_mpi.c - a job of several processes under MPI: a run's blocks
 * and a sweep's points shared out, their results gathered on rank 0 in
 * a fixed order, so that rank 0 writes the same bytes as one process.
 * The ranks are assumed to be one build on machines of one kind: results
 * travel as the library packs them, in the machine's own byte order.
 * SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mpi.h>

#include "cluster.h"
#include "exitcode.h"
#include "fingerprint.h"

/* At most this many bytes in one message: MPI counts are ints. */
#define CHUNK (1 << 30)

static int joined, rank, size = 1;

void
cluster_start(int *argc, char ***argv)
{
	if (getenv("OMPI_COMM_WORLD_SIZE") == NULL &&
	    getenv("PMIX_RANK") == NULL && getenv("PMI_RANK") == NULL)
		return;
	if (MPI_Init(argc, argv) != MPI_SUCCESS) {
		fputs("flywheel: cannot join the MPI job\n", stderr);
		exit(EXIT_FAILED);
	}
	joined = 1;
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	MPI_Comm_size(MPI_COMM_WORLD, &size);
}

void
cluster_stop(void)
{
	if (joined)
		MPI_Finalize();
	joined = 0;
}

int
cluster_rank(void)
{
	return rank;
}

int
cluster_size(void)
{
	return size;
}

void
cluster_abort(int status, const fw_error *err)
{
	char buf[1024];

	fw_error_format(err, buf, sizeof(buf));
	fprintf(stderr, "flywheel: rank %d of %d: %s; stopping the job\n",
	    rank, size, buf);
	fflush(stderr);
	if (joined)
		MPI_Abort(MPI_COMM_WORLD, exit_code_of(status));
	exit(exit_code_of(status));
}

static void
send_bytes(const void *buf, size_t n, int to)
{
	uint64_t bytes = n;
	const char *p = buf;

	MPI_Send(&bytes, 1, MPI_UINT64_T, to, 0, MPI_COMM_WORLD);
	for (; n > 0; p += n < CHUNK ? n : CHUNK, n -= n < CHUNK ? n : CHUNK)
		MPI_Send(p, (int)(n < CHUNK ? n : CHUNK), MPI_BYTE, to, 0,
		    MPI_COMM_WORLD);
}

/* Receives what send_bytes sent into a new buffer of *n bytes. */
static char *
recv_bytes(size_t *n, int from)
{
	uint64_t bytes;
	size_t left, part;
	char *buf, *p;

	MPI_Recv(&bytes, 1, MPI_UINT64_T, from, 0, MPI_COMM_WORLD,
	    MPI_STATUS_IGNORE);
	if ((buf = malloc(bytes + 1)) == NULL) {
		fw_error err;
		fw_error_set(&err, FW_ENOMEM, "", 0, 0, "", "out of memory "
		    "for the results of rank %d", from);
		cluster_abort(FW_ENOMEM, &err);
	}
	for (p = buf, left = bytes; left > 0; p += part, left -= part) {
		part = left < CHUNK ? left : CHUNK;
		MPI_Recv(p, (int)part, MPI_BYTE, from, 0, MPI_COMM_WORLD,
		    MPI_STATUS_IGNORE);
	}
	buf[bytes] = '\0';
	*n = bytes;
	return buf;
}

/* Blocks of rank r: a contiguous share, the first ranks taking one more
 * when they do not divide evenly. */
static void
share_of(uint64_t nblocks, int r, uint64_t *first, uint64_t *n)
{
	*first = nblocks * (uint64_t)r / (uint64_t)size;
	*n = nblocks * (uint64_t)(r + 1) / (uint64_t)size - *first;
}

void
cluster_run(fw_run *run)
{
	uint64_t nb = fw_run_block_count(run), first, n;
	fw_error err;
	size_t bytes;
	char *buf;
	int rc, r;

	share_of(nb, rank, &first, &n);
	if ((rc = fw_run_blocks(run, first, n, &err)) != FW_OK)
		cluster_abort(rc, &err);
	if (rank != 0) {
		bytes = fw_run_pack_size(run, first, n);
		if ((buf = malloc(bytes + 1)) == NULL) {
			fw_error_set(&err, FW_ENOMEM, "", 0, 0, "", "out of "
			    "memory");
			cluster_abort(FW_ENOMEM, &err);
		}
		fw_run_pack(run, first, n, buf);
		send_bytes(buf, bytes, 0);
		free(buf);
		return;
	}
	for (r = 1; r < size; r++) {
		share_of(nb, r, &first, &n);
		buf = recv_bytes(&bytes, r);
		if ((rc = fw_run_unpack(run, first, n, buf, bytes, &err)) !=
		    FW_OK)
			cluster_abort(rc, &err);
		free(buf);
	}
}

/* What a rank tells the others of its inputs: its status and their
 * fingerprint, as one fixed-size text. */
#define AGREE_SIZE (FINGERPRINT_SIZE + 16)

/* Whether rank r told other than rank 0. */
static int
differs(const char *all, int r)
{
	return memcmp(all, all + (size_t)r * AGREE_SIZE, AGREE_SIZE) != 0;
}

int
cluster_agree(const char *command, int status, const char *fingerprint)
{
	char mine[AGREE_SIZE] = { 0 }, *all;
	int r, odd = 0, named = 0;

	if (!joined || size == 1)
		return status;
	snprintf(mine, sizeof(mine), "%d %s", status, fingerprint);
	if ((all = calloc((size_t)size, AGREE_SIZE)) == NULL) {
		fw_error err;
		fw_error_set(&err, FW_ENOMEM, "", 0, 0, "", "out of memory");
		cluster_abort(FW_ENOMEM, &err);
	}
	MPI_Allgather(mine, AGREE_SIZE, MPI_CHAR, all, AGREE_SIZE, MPI_CHAR,
	    MPI_COMM_WORLD);
	for (r = 1; r < size; r++)
		odd += differs(all, r);
	if (odd > 0 && rank == 0) {
		fprintf(stderr, "flywheel: %s: rank%s", command,
		    odd > 1 ? "s" : "");
		for (r = 1; r < size; r++)
			if (differs(all, r))
				fprintf(stderr, "%s %d", named++ > 0 ? "," : "",
				    r);
		fprintf(stderr, " of %d %s other inputs than rank 0 (the "
		    "scenario as resolved, --set, seed, replications, months, "
		    "design or build): every rank must run the same command "
		    "on the same files; stopping the job\n", size,
		    odd > 1 ? "have" : "has");
	}
	free(all);
	return odd > 0 ? EXIT_INVALID : status;
}

void
cluster_share(int *status, size_t *count)
{
	uint64_t v[2] = { (uint64_t)(int64_t)*status, *count };

	if (!joined)
		return;
	MPI_Bcast(v, 2, MPI_UINT64_T, 0, MPI_COMM_WORLD);
	*status = (int)(int64_t)v[0];
	*count = (size_t)v[1];
}

void
cluster_gather_rows(char **row, size_t *len, size_t n)
{
	size_t b;

	if (!joined || size == 1)
		return;
	for (b = 0; b < n; b++) {
		int from = (int)(b % (size_t)size);
		if (from == 0)
			continue;
		if (rank == from)
			send_bytes(row[b], len[b], 0);
		else if (rank == 0)
			row[b] = recv_bytes(&len[b], from);
	}
}

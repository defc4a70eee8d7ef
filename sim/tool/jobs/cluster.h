/* cluster.h - the processes of a job that mpirun started, each running
 * with its own threads, or this process alone. MPI is spoken in
 * cluster_mpi.c only, built when configure finds MPI; the library never
 * sees it.
 * SPDX-License-Identifier: MIT */
#ifndef FW_CLUSTER_H
#define FW_CLUSTER_H

#include <stddef.h>

#include "flywheel.h"

#ifdef FW_HAVE_MPI
/* Joins the job when mpirun started this process (it says so in the
 * environment), so that an ordinary command never touches MPI. */
void cluster_start(int *argc, char ***argv);
/* Leaves the job, if it joined one. */
void cluster_stop(void);
/* This process's rank in the job, and the number of processes. */
int cluster_rank(void);
int cluster_size(void);
/* Prints which rank failed and why, and stops the whole job. */
void cluster_abort(int status, const fw_error *err)
    __attribute__((noreturn));
/* Simulates the run across the job: each rank a contiguous range of the
 * run's blocks on its threads, gathered into rank 0's run, which then
 * holds the whole. A failure stops the job. */
void cluster_run(fw_run *run);
/* Compares every rank's status (an exit code) and fingerprint of its
 * inputs (fingerprint.h) before any work. When they all agree, returns
 * status; otherwise rank 0 names the ranks whose inputs differ from its
 * own, in one message, and every rank returns EXIT_INVALID. */
int cluster_agree(const char *command, int status, const char *fingerprint);
/* Rank 0's *status and *count, given to every rank. */
void cluster_share(int *status, size_t *count);
/* Gathers n rows on rank 0: row b is computed by rank b % size, which
 * alone holds it (NULL elsewhere); rank 0 ends with them all. */
void cluster_gather_rows(char **row, size_t *len, size_t n);
#else
static inline void cluster_start(int *argc, char ***argv) { }
static inline void cluster_stop(void) { }
static inline int cluster_rank(void) { return 0; }
static inline int cluster_size(void) { return 1; }
static inline int cluster_agree(const char *command, int status,
    const char *fingerprint) { return status; }
static inline void cluster_share(int *status, size_t *count) { }
static inline void cluster_gather_rows(char **row, size_t *len, size_t n) { }
/* Never called alone (cluster_size() is 1): a process on its own runs
 * and reports its failures itself. */
static inline void cluster_run(fw_run *run) { }
static inline void cluster_abort(int status, const fw_error *err) { }
#endif

#endif

#!/bin/sh
# sweep-mpi.sh - a flywheel sweep as one MPI job: one process per
# machine with all its cores, the points shared out over the processes,
# rank 0 writing every file (the same bytes as one process). A job run
# again after it stopped (a time limit, a requeue) resumes the sweep.
#
#   sbatch --nodes=4 contrib/slurm/sweep-mpi.sh scenarios/sweeps/sobol.yaml out/sobol
#
# Arguments: the sweep file, the output directory, then any options of
# flywheel sweep. flywheel must be built with MPI (./configure finds it)
# and srun must start it as MPI processes: --mpi=pmix by default, SRUN_MPI
# names another of the site's plugins (srun --mpi=list). FLYWHEEL names
# the command when it is not on PATH.
# SPDX-License-Identifier: MIT
#SBATCH --job-name=flywheel-mpi
#SBATCH --nodes=4
#SBATCH --ntasks-per-node=1
#SBATCH --cpus-per-task=32
#SBATCH --time=04:00:00
set -eu
[ $# -ge 2 ] || { echo "usage: sbatch $0 SWEEP_FILE DIR [OPTION]..." >&2; exit 2; }
sweep=$1
dir=$2
shift 2
export OMP_NUM_THREADS="${SLURM_CPUS_PER_TASK:-1}"
export OMP_PROC_BIND=true OMP_PLACES=cores
resume=
[ -f "$dir/sweep.json" ] && resume=--resume
exec srun --mpi="${SRUN_MPI:-pmix}" --ntasks="${SLURM_NTASKS:?not inside a Slurm job}" \
    --cpus-per-task="$OMP_NUM_THREADS" \
    "${FLYWHEEL:-flywheel}" sweep $resume -o "$dir" "$@" "$sweep"

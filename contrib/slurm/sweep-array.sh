#!/bin/sh
# sweep-array.sh - one shard of a flywheel sweep per task of a Slurm job
# array, each into a directory of its own; sweep-merge.sh assembles them
# when all are done. A task that is run again (a requeued or failed one)
# resumes its shard.
#
#   jobid=$(sbatch --parsable --array=1-16 contrib/slurm/sweep-array.sh \
#       scenarios/sweeps/sobol.yaml out/sobol)
#   sbatch --dependency=afterok:$jobid contrib/slurm/sweep-merge.sh \
#       scenarios/sweeps/sobol.yaml out/sobol 16
#
# Arguments: the sweep file, the shards' directory prefix (shard I goes
# to PREFIX-I), then any options of flywheel sweep (--reps, --set, ...).
# The array's size is the number of shards; FLYWHEEL names the command
# when it is not on PATH.
# SPDX-License-Identifier: MIT
#SBATCH --job-name=flywheel-shards
#SBATCH --cpus-per-task=32
#SBATCH --time=04:00:00
set -eu
[ $# -ge 2 ] || { echo "usage: sbatch --array=1-N $0 SWEEP_FILE PREFIX [OPTION]..." >&2; exit 2; }
sweep=$1
prefix=$2
shift 2
: "${SLURM_ARRAY_TASK_ID:?not a task of a job array (sbatch --array=1-N)}"
shards=${SLURM_ARRAY_TASK_COUNT:?not a task of a job array}
# shard 1 is the array's first task, whatever its index starts from
shard=$((SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-1} + 1))
dir=$prefix-$shard
export OMP_NUM_THREADS="${SLURM_CPUS_PER_TASK:-1}"
export OMP_PROC_BIND=true OMP_PLACES=cores
# A directory holding the shard's sweep.json is a run that stopped: go on
# with it. Any other failure is the command's, and it says why.
resume=
[ -f "$dir/sweep.json" ] && resume=--resume
exec srun --ntasks=1 --cpus-per-task="$OMP_NUM_THREADS" \
    "${FLYWHEEL:-flywheel}" sweep --shard "$shard/$shards" $resume -o "$dir" \
    "$@" "$sweep"

#!/bin/sh
# sweep-merge.sh - assembles the N shards sweep-array.sh wrote (PREFIX-1
# ... PREFIX-N) into PREFIX, with sensitivity.csv and the plots: the same
# bytes as the sweep run whole. Submit it to start when the array has
# finished:
#
#   sbatch --dependency=afterok:JOBID contrib/slurm/sweep-merge.sh \
#       scenarios/sweeps/sobol.yaml out/sobol 16
#
# Give it the options the shards were run with, after N.
# SPDX-License-Identifier: MIT
#SBATCH --job-name=flywheel-merge
#SBATCH --cpus-per-task=1
#SBATCH --time=00:30:00
set -eu
[ $# -ge 3 ] || { echo "usage: sbatch $0 SWEEP_FILE PREFIX N [OPTION]..." >&2; exit 2; }
sweep=$1
prefix=$2
n=$3
shift 3
set -- "$@" "$sweep"
i=1
while [ "$i" -le "$n" ]; do
	set -- "$@" "$prefix-$i"
	i=$((i + 1))
done
exec "${FLYWHEEL:-flywheel}" sweep --merge -o "$prefix" "$@"

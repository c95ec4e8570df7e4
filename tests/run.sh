#!/bin/sh
# make test: every area's steps, one line each, then "N passed, M failed".
# Run from the repository root after `make kitgen` and the test binaries.
#   sh tests/run.sh [AREA...]   only those areas, e.g. `sh tests/run.sh incremental`
# Each area is tests/steps/AREA.sh; a new step goes into the area it checks
# (step, plain, known and need_catalogue are in tests/lib.sh).
set -u
. tests/lib.sh
for area in ${*:-unit catalogue print repro incremental failure authoring site}; do
	if [ ! -f "tests/steps/$area.sh" ]; then
		echo "tests/run.sh: no area '$area' (tests/steps/*.sh)"; exit 2
	fi
	. "tests/steps/$area.sh"
done
summary

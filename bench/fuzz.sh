#!/usr/bin/env bash
# bench/fuzz.sh — run every fuzz target of the project for a bounded time
# each (issue 8, "Proof"). Go fuzzes one target per run, so they run one
# after another; inputs that fail are written to the package's
# testdata/fuzz/<Target>/ and fail `go test` from then on.
# See proof/README.md for the targets, what each asserts, and results.
#
#   bench/fuzz.sh                     # FUZZTIME=30s per target
#   FUZZTIME=5m bench/fuzz.sh         # longer
#   FUZZTIME=10s bench/fuzz.sh FuzzInert FuzzCommandLine   # some targets only
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
fuzztime=${FUZZTIME:-30s}

# package:target, every Fuzz function in the tree.
targets=(
	./model/quickadd:FuzzParse
	./model/quickadd:FuzzParseDate
	./model:FuzzInert
	./storage:FuzzImportJSON
	./storage:FuzzImportClientsCSV
	./storage:FuzzDecodeDocument
	./proof:FuzzCommandLine
	./proof:FuzzTextOutputs
)

# A target added since this list was written is run too, and said so.
while IFS= read -r line; do
	file=${line%%:*}
	name=$(sed -E 's/^func (Fuzz[A-Za-z0-9_]*).*/\1/' <<<"${line#*:}")
	pkg=./$(dirname "$file")
	pkg=${pkg%/.}
	known=0
	for t in "${targets[@]}"; do [[ $t == "$pkg:$name" ]] && known=1; done
	if [[ $known == 0 ]]; then
		echo "fuzz: also running $pkg:$name (not in this script's list)"
		targets+=("$pkg:$name")
	fi
done < <(grep -rn --include='*_test.go' -E '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . | sed -E 's|^\./||; s|:[0-9]+:|:|')

want=("$@")
failed=()
summary=()
for t in "${targets[@]}"; do
	pkg=${t%%:*}
	name=${t#*:}
	if [[ ${#want[@]} -gt 0 ]] && ! printf '%s\n' "${want[@]}" | grep -qx "$name"; then
		continue
	fi
	echo "=== $pkg $name ($fuzztime)"
	log=$(mktemp)
	if go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" 2>&1 | tee "$log" | grep -E '^(fuzz: elapsed|--- FAIL|    Failing input|ok|FAIL)' | tail -4; then :; fi
	# The last progress line: total executions, elapsed time, corpus size.
	last=$(grep -E '^fuzz: elapsed' "$log" | tail -1 | sed -E 's/^fuzz: elapsed: ([^,]*), execs: ([0-9]+) .*\(total: ([0-9]+)\).*/\2 execs in \1, corpus \3/' || true)
	if grep -q -- '--- FAIL' "$log" || ! grep -q '^ok' "$log"; then
		failed+=("$pkg $name")
		summary+=("FAIL  $pkg $name  $last")
	else
		summary+=("ok    $pkg $name  $last")
	fi
	rm -f "$log"
done

echo
echo "fuzz summary (FUZZTIME=$fuzztime each):"
printf '  %s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
	echo "fuzz: ${#failed[@]} target(s) failed; the failing inputs are in their package's testdata/fuzz/" >&2
	exit 1
fi

#!/usr/bin/env bash
# Fails when the repository root holds a tracked file or folder that is not one of the
# project's own (files committed by accident, such as scratch output named by numbers).
set -euo pipefail
cd "$(dirname "$0")/.."
allowed=" .cargo .ci .gitignore Cargo.lock Cargo.toml README.md content crates docs rustfmt.toml scripts tests "
status=0
for entry in $(git ls-files | cut -d/ -f1 | sort -u); do
    case "$allowed" in
        *" $entry "*) ;;
        *) echo "unexpected entry at the repository root: $entry (add it to scripts/check-tree.sh if it belongs)"; status=1 ;;
    esac
done
exit $status

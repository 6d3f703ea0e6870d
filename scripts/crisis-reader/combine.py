#!/usr/bin/env python3
"""Recall and false alarms of `crisis::detect`'s rule for combining the rules and the reader,
from what `style_eval --layers` prints, so thresholds can be chosen on released or
cross-split text (docs/BENCHMARKS.md) without rebuilding. Its defaults are read from
crates/readers/src/crisis/mod.rs, the one place the thresholds are set.

    cargo run --release -p foothold-readers --example style_eval -- --layers < FILE.jsonl > layers.txt
    python3 scripts/crisis-reader/combine.py FILE.jsonl layers.txt [--scores SCORES]

--scores takes the probabilities from `train.py --test FILE --scores SCORES` (a reader trained
without FILE) instead of the built-in reader's. The defaults are the committed thresholds.
"""
import argparse, json, os, re, sys

RUST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../crates/readers/src/crisis/mod.rs")


def committed(name):
    """A threshold as the Rust reader sets it (`pub const NAME: f32 = …;`)."""
    found = re.search(rf"^pub const {name}: f32 = ([0-9.]+);", open(RUST, encoding="utf-8").read(), re.M)
    if not found:
        sys.exit(f"{name} is not set in {RUST}")
    return float(found.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("labels", help="JSON Lines with text and crisis")
    ap.add_argument("layers", help="output of style_eval --layers for the same file")
    ap.add_argument("--scores", help="one probability per line, replacing the layers' own")
    ap.add_argument("--with-a-rule", type=float, default=committed("WITH_A_RULE"))
    ap.add_argument("--alone", type=float, default=committed("READER_ALONE"))
    ap.add_argument("--over-a-guard", type=float, default=committed("OVER_A_GUARD"))
    ap.add_argument("--words", type=int, default=60, help="also count lines over and up to this length")
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.labels, encoding="utf-8") if l.strip()]
    layers = [l.split() for l in open(a.layers)]
    p = [float(l[2]) for l in layers] if not a.scores else [float(x) for x in open(a.scores)]
    assert len(rows) == len(layers) == len(p), "the three files must have one line per text"
    flagged = [
        (rule == "1" and q >= a.with_a_rule) or (q >= a.alone and (q >= a.over_a_guard or gate == "1"))
        for (rule, gate, _), q in zip(layers, p)
    ]
    long = lambda r: len(r["text"].split()) > a.words
    for name, keep in [("all", lambda r: True), (f"over {a.words} words", long), (f"{a.words} words or fewer", lambda r: not long(r))]:
        crises = [f for r, f in zip(rows, flagged) if keep(r) and r["crisis"]]
        calm = [f for r, f in zip(rows, flagged) if keep(r) and not r["crisis"]]
        if crises and calm:
            print(f"{name}: recall {sum(crises) / len(crises):.3f} ({sum(crises)} of {len(crises)}), "
                  f"false alarms {sum(calm) / len(calm):.3f} ({sum(calm)} of {len(calm)})")


if __name__ == "__main__":
    main()

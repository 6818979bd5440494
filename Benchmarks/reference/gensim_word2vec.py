"""The gensim side of the word2vec benchmark (BENCHMARKS.md, issue 5).

Trains Word2Vec(sg=1, hs=0, negative=5, window=5, vector_size=50, min_count=5,
sample=1e-3, alpha=0.025, seed=1, workers=1) on a corpus file (one sentence per
line, split on spaces, as the lessons' trainer reads it), reports gensim's own
words/s, and writes the vectors in the word2vec text format so that
`lessons eval` scores both models on the same files.

    ~/.cache/lessons-anchors/venv/bin/python Benchmarks/reference/gensim_word2vec.py CORPUS OUT [EPOCHS]
"""
import logging
import re
import sys
import time

from gensim.models import Word2Vec

corpus, out = sys.argv[1], sys.argv[2]
epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
sentences = [line.split() for line in open(corpus, encoding="utf-8") if line.strip()]
lines = []


class Grab(logging.Handler):
    def emit(self, record):
        lines.append(record.getMessage())


logging.getLogger("gensim").addHandler(Grab())
logging.getLogger("gensim").setLevel(logging.INFO)
start = time.perf_counter()
model = Word2Vec(sentences, sg=1, hs=0, negative=5, window=5, vector_size=50, min_count=5, sample=1e-3,
                 alpha=0.025, seed=1, workers=1, epochs=epochs)
took = time.perf_counter() - start
for line in lines:
    if re.search(r"EPOCH \d+: training on", line):
        print(line)
print(f"RESULT gensim_word2vec epochs={epochs} build_and_train_s={took:.2f} vocab={len(model.wv)}")
model.wv.save_word2vec_format(out)

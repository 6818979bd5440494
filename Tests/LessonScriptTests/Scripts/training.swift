// Corpora and the skip-gram trainer.
let c = corpus("The king rules.\nThe queen rules!\nthe dog barks")
c // => Corpus: 3 sentences, 9 tokens, 6 words
c.count // => 9
c.sentences // => 3
c.vocabulary[0] // => the
corpus("a a b", minCount: 2).vocabulary.count // => 1
let model = SkipGram(corpus: c, dim: 4, window: 2, negatives: 2, seed: 1)
model // => SkipGram: 6 words × 4 dims, window 2, 2 negatives, 0 epochs trained
model.embeddings.shape // => (6, 4)
let losses = model.train(epochs: 3, lr: 0.05)
losses.shape // => (3)
model.epochs // => 3
model.losses.shape // => (3)
model.train(epochs: 2).shape // => (2)
model.embeddings.nearest("king", k: 1).count // => 1
SkipGram(corpus: c, dim: 0) // error: dim must be at least 1
model.train(epochs: 1, lr: -1) // error: lr must be positive
corpus(file: "missing.txt") // error: cannot read 'missing.txt'
SkipGram(corpus: corpus("solo"), dim: 4) // error: at least two distinct words

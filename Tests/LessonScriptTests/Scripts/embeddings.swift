// Vocabularies, one-hot vectors and embedding tables (LESSON-FORMAT §7).
let vocab = Vocabulary(["king", "queen", "man", "woman", "apple"])
vocab.count // => 5
vocab["king"] // => 0
vocab[1] // => queen
oneHot("queen", in: vocab) // => [0, 1, 0, 0, 0]
oneHot(1, size: 5) // => [0, 1, 0, 0, 0]
let E = Embedding(vocab: 50_000, dim: 768, seed: 0)
E // => Embedding 50000 × 768
E.shape // => (50000, 768)
E.dim // => 768
E.count // => 50000
E.parameters // => 38400000
E([[1, 45, 234]]).shape // => (1, 3, 768)
E(7).shape // => (768)
E([1, 2]).shape // => (2, 768)
E([[[1]]]).shape // => (1, 1, 1, 768)
E([[1, 45, 234]])[0, 0, 0..<10].shape // => (10)
expect(E([[1, 45, 234]])[0, 2] == E[234])
Embedding(vocab: 2, dim: 10, seed: 3)(0).shape // => (10)
let W = Embedding(vocab: vocab, dim: 8, seed: 1)
W["queen"].shape // => (8)
W(["king", "man"]).shape // => (2, 8)
W.nearest("king", k: 2).words.count // => 2
W.nearest("king", k: 10).count // => 4
W.nearest(W["king"], k: 1) // => king
W.nearest("king", k: 1, excluding: ["queen"])[0].word == "queen" // => false
cosine("king", "king", in: W) // ≈ 1.0
W["kingg"] // error: 'kingg' is not in the vocabulary of W
E(50_000) // error: id 50000 is out of range
oneHot("pear", in: vocab) // error: 'pear' is not in the vocabulary of vocab
E([[1, 2], [3]]) // error: not rectangular
Embedding(vocab: 1_000_000, dim: 1_000_000) // error: would need 3.6 TiB

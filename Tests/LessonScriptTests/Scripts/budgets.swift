// Requests over a budget are refused with what they would need.
Tensor(0..<1_000_000_000_000) // error: this tensor would need 3.6 TiB
oneHot(0, size: 1_000_000_000_000) // error: over the budget of 1.0 GiB for one tensor
matmul(Embedding(vocab: 16_000, dim: 768).weight, transpose(Embedding(vocab: 16_000, dim: 768).weight)) // error: multiply-adds
var xs = [1]
for i in 0..<200 { xs = xs + xs } // error: over the budget
xs.count > 1000 // => true

// Tensors: shapes, slicing, element-wise arithmetic, vector maths.
let t = Tensor([[1, 2, 3], [4, 5, 6]])
t.shape // => (2, 3)
t.count // => 6
t[1] // => [4, 5, 6]
t[1, 2] // => 6.0
t[1, 2] == 6 // => true
t[0, 0..<2] // => [1, 2]
t * 2 // => [[2, 4, 6], [8, 10, 12]]
t + t // => [[2, 4, 6], [8, 10, 12]]
-t[0] // => [-1, -2, -3]
t[0] + t // error: shapes (3) and (2, 3) do not match for '+'
Tensor([0.5, 0.25]) // => [0.5000, 0.2500]
dot([1, 2, 3], [4, 5, 6]) // => 32.0
norm([3, 4]) // => 5.0
normalize([3, 4]) // => [0.6000, 0.8000]
cosine([1, 0], [1, 1]) // ≈ 0.7071
cosine([0, 0], [1, 1]) // => 0.0
distance([0, 0], [3, 4]) // => 5.0
matmul([1, 0], [[1, 2], [3, 4]]) // => [1, 2]
transpose([[1, 2], [3, 4]]) // => [[1, 3], [2, 4]]
softmax([0, 0]) // => [0.5000, 0.5000]
softmax([1, 2, 3]).sum() // ≈ 1.0
Tensor(0..<12) // => [0, 1, 2, …, 9, 10, 11]
dot([1, 2], [1, 2, 3]) // error: shapes (2) and (3) do not match for dot

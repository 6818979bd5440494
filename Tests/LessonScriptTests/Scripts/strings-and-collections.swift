// Strings, interpolation, arrays, tuples, ranges.
let word = "king"
"\(word) and queen" // => king and queen
"n = \(2 + 3)" // => n = 5
word.count // => 4
"a" + "b" // => ab
let xs = [1, 2, 3]
xs // => [1, 2, 3]
xs.count // => 3
xs[1] // => 2
xs[0..<2] // => [1, 2]
xs + [4] // => [1, 2, 3, 4]
["a", "b"] // => ["a", "b"]
(1, 3, 768) // => (1, 3, 768)
(1, "x").1 // => x
(0..<10).count // => 10
(0...9).count // => 10
xs[3] // error: index 3 is out of range for 3 elements
5..<1 // error: range 5..<1 is empty or reversed

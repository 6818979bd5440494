// Literals, arithmetic and Swift's precedence.
50_000 // => 50000
0.05 // => 0.05
1e-3 // => 0.001
7 / 2 // => 3
7 % 3 // => 1
7.0 / 2 // => 3.5
1 + 2 * 3 // => 7
(1 + 2) * 3 // => 9
-2 * 3 // => -6
2 - 3 - 4 // => -5
50_000 * 768 // => 38400000
50_000 * 768 * 4 // ≈ 153_600_000
0.1 + 0.2 // ≈ 0.3
10 / 3.0 // ≈ 3.33
10 / 3.0 // ≈ 3.3 ± 0.05
1 < 2 && 2 < 3 // => true
1 > 2 || !(2 > 3) // => true
1 == 1.0 // => true
"a" < "b" // => true
9223372036854775807 + 1 // error: arithmetic overflow
1 / 0 // error: division by zero
Float(7) / 2 // => 3.5
Float(7) // => 7.0
Int(2.7) // => 2
Int(-2.7) // => -2
Int(7) / 2 // => 3
Int(1e300) // error: 1e+300 cannot be converted to Int
Int(sqrt(-1)) // error: cannot be converted to Int

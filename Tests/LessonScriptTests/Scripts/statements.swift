// var, assignment, for, if/else, print.
var total = 0
for i in 0..<5 {
    total += i
}
total // => 10
var names = ["a", "b"]
names[0] = "z"
names // => ["z", "b"]
var sign = "none"
if total > 5 {
    sign = "big"
} else if total > 0 {
    sign = "small"
} else {
    sign = "zero"
}
sign // => big
let fixed = 1
fixed = 2 // error: cannot assign to 'fixed': it is a 'let' constant
for w in ["x", "y"] { print(w, terminator: "") }
expect(total == 10)
expect(sign == "big", "the branch taken")

// The parser recovers and reports several errors in one cell.
let a = (1 + 2
let b = 3 3
let = 4
func f() {}
let ok = 1
"unterminated
// diagnostic: 2:15: expected ',' or ')', found end of line
// diagnostic: 3:11: consecutive statements on a line must be separated by ';'
// diagnostic: 4:5: expected a name, found '='
// diagnostic: 5:1: 'func' is not part of the lesson language
// diagnostic: 7:1: unterminated string literal

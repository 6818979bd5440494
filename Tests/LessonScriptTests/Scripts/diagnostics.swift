// Names, labels and types: each mistake is an error with a suggestion.
let glove = 1
glov // error: cannot find 'glov' in scope
cosin([1], [1]) // error: cannot find 'cosin' in scope
oneHot(1, sise: 5) // error: incorrect argument label in call to 'oneHot'
Embedding(vocab: 10, dim: 4).shap // error: value of type 'Embedding' has no member 'shap'
Embedding(vocab: 10) // error: missing argument 'dim:' in call to 'Embedding'
dot("a", [1]) // error: argument 'a' of 'dot' must be 'Tensor', not 'String'
1 + "a" // error: binary operator '+' cannot be applied to 'Int' and 'String'
Embedding(vocab: 10, dim: 4).nearest // error: method 'nearest' must be called
5(1) // error: cannot call a value of type 'Int'
if 1 { } // error: condition must be 'Bool', not 'Int'
norm([1], [2]) // error: extra argument in call to 'norm'

#if !FUZZING
import FuzzSupport

@main
struct Replay {
    static func main() { replay(fuzzParse) }
}
#endif

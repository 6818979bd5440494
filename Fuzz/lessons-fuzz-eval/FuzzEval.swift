// libFuzzer target: running the cells of any lesson, under small budgets,
// must end in results or diagnostics, never a crash or a hang.
//
//     swift build -c release --sanitize=fuzzer --product lessons-fuzz-eval
//     Scripts/fuzz eval 600
import Foundation
import LessonKit
import LessonRunner
import LessonScript

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEval(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let lesson = Lesson.parse(data: Data(bytes: data, count: size), path: "fuzz.md", id: "01-fuzz")
    var limits = Limits()
    limits.maximumTensorBytes = 16 << 20
    limits.maximumCellSeconds = 0.5
    limits.maximumOutputCharacters = 1 << 16
    _ = LessonRunner(limits: limits, runSolutions: true).run(lesson)
    return 0
}

// libFuzzer target: reading a lesson (front matter, cmark, info strings) and
// lexing and parsing every cell must never crash, whatever the bytes.
//
//     swift build -c release --sanitize=fuzzer --product lessons-fuzz-parse
//     Scripts/fuzz parse 600
import Foundation
import LessonKit
import LessonScript

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let lesson = Lesson.parse(data: Data(bytes: data, count: size), path: "fuzz.md", id: "01-fuzz")
    for case .cell(let cell) in lesson.runnableBlocks {
        _ = Parser.parse(cell.code, origin: cell.origin)
    }
    return 0
}

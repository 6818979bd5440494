#if !FUZZING
import Foundation

/// Without libFuzzer (a normal build), the target replays inputs: each
/// argument is a file run once through the same entry point, so a crash the
/// fuzzer found can be reproduced and debugged.
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(64)
            }
            _ = data.withUnsafeBytes { buffer in
                fuzzParse(buffer.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            }
            print("ok \(path)")
        }
    }
}
#endif

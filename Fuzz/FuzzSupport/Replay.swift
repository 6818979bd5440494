import Foundation

/// Without libFuzzer (a normal build), a fuzz target replays inputs: each
/// argument is a file run once through the target's entry point, so a crash
/// the fuzzer found can be reproduced and debugged.
public func replay(_ entry: (UnsafePointer<UInt8>, Int) -> CInt) {
    for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
            exit(64)
        }
        _ = data.withUnsafeBytes { buffer in
            entry(buffer.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
        }
        print("ok \(path)")
    }
}

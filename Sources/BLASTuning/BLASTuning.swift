import COpenBLAS
import Foundation

/// Makes sure OpenBLAS runs its fast kernels on this CPU.
///
/// Debian's OpenBLAS 0.3.21 does not recognise recent CPUs (AMD Zen 4, for
/// one) and falls back to its generic "Prescott" kernels: sgemm then runs at
/// 30 GFLOP/s on one core instead of 158 (measured; see BENCHMARKS.md).
/// OpenBLAS reads `OPENBLAS_CORETYPE` only when it loads, before `main`, so
/// the fix is to set it and start the program again, once.
public enum BLASTuning {
    /// The kernel set OpenBLAS chose, e.g. `SkylakeX` or `Prescott`.
    public static var coreName: String { String(cString: openblas_get_corename()) }

    /// The kernel set to ask for when OpenBLAS chose a generic one and the
    /// CPU can do better; `nil` when its choice is right.
    public static func betterCoreType(chosen: String, cpuFlags: Set<String>) -> String? {
        let generic: Set<String> = ["Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom", "Barcelona", "Opteron"]
        guard generic.contains(chosen) else { return nil }
        if cpuFlags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"]) { return "SkylakeX" }
        if cpuFlags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }

    /// Starts this program again with a better `OPENBLAS_CORETYPE` when
    /// OpenBLAS chose generic kernels. Does nothing when the variable is set
    /// (by the user, or by the first start), so it can never loop.
    public static func restartWithFastKernelsIfNeeded() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["OPENBLAS_CORETYPE"] == nil,
              let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flagsLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let better = betterCoreType(chosen: coreName,
                                          cpuFlags: Set(flagsLine.split(separator: " ").map(String.init)))
        else { return }
        setenv("OPENBLAS_CORETYPE", better, 1)
        let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", arguments)
        // If exec fails the program simply goes on with the slower kernels.
        setenv("OPENBLAS_CORETYPE", coreName, 1)
    }
}

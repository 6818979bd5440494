// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lessons",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lessons", targets: ["lessons"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries, as system-library targets.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),

        // Source locations and diagnostics shared by the lesson model and the language.
        .target(name: "LessonDiagnostics"),
        // The lesson model: front matter, blocks, cells. The only module that calls cmark.
        .target(
            name: "LessonKit",
            dependencies: ["CCmark", "LessonDiagnostics", .product(name: "Yams", package: "Yams")]
        ),
        // Tensors, vocabularies, lookup tables, similarity. No I/O of lessons, no language.
        // Optimised even in debug builds: numeric loops are ~100× slower
        // unoptimised, which would make every test that touches a
        // 50,000-row table crawl.
        .target(
            name: "EmbeddingEngine",
            dependencies: ["COpenBLAS"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Asks OpenBLAS for its fast kernels where Debian's build misdetects the CPU.
        .target(name: "BLASTuning", dependencies: ["COpenBLAS"]),
        // Vectors files: the bundled binary format (memory-mapped) and word2vec/GloVe text.
        .target(name: "VectorStore", dependencies: ["EmbeddingEngine"]),
        // The Swift-subset language the cells are written in.
        .target(name: "LessonScript", dependencies: ["EmbeddingEngine", "VectorStore", "LessonDiagnostics"]),
        // Runs a lesson's cells in one notebook state, checks their expectations and learners' answers.
        .target(name: "LessonRunner", dependencies: ["LessonKit", "LessonScript", "VectorStore"]),
        // Draws a lesson and its run: annotated terminal output and HTML handouts, from one chart model.
        .target(name: "LessonRendering", dependencies: ["LessonKit", "LessonScript", "LessonRunner"]),
        // The command-line tool.
        .executableTarget(
            name: "lessons",
            dependencies: [
                "LessonKit", "LessonScript", "LessonRunner", "LessonRendering", "BLASTuning", "VectorStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Speed, measured in a release build: `swift run -c release lessons-bench`.
        .executableTarget(
            name: "lessons-bench",
            dependencies: ["EmbeddingEngine", "VectorStore", "BLASTuning"],
            path: "Benchmarks/lessons-bench"
        ),

        // libFuzzer targets (`swift build -c release --sanitize=fuzzer --product …`; Scripts/fuzz runs them).
        .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"),
        .executableTarget(
            name: "lessons-fuzz-parse",
            dependencies: ["LessonKit", "LessonScript", "FuzzSupport"],
            path: "Fuzz/lessons-fuzz-parse",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "lessons-fuzz-eval",
            dependencies: ["LessonKit", "LessonScript", "LessonRunner", "FuzzSupport"],
            path: "Fuzz/lessons-fuzz-eval",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),

        .testTarget(name: "LessonKitTests", dependencies: ["LessonKit"]),
        .testTarget(name: "EmbeddingEngineTests", dependencies: ["EmbeddingEngine"]),
        .testTarget(name: "VectorStoreTests", dependencies: ["VectorStore"]),
        .testTarget(name: "LessonRunnerTests", dependencies: ["LessonRunner", "LessonKit", "LessonScript", "LessonDiagnostics"]),
        .testTarget(
            name: "LessonScriptTests",
            dependencies: ["LessonScript"],
            resources: [.copy("Scripts")]
        ),
        .testTarget(
            name: "LessonRenderingTests",
            dependencies: ["LessonRendering", "LessonRunner", "LessonKit", "LessonScript", "VectorStore"],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["lessons"], exclude: ["Snapshots", "Fixtures"]),
    ]
)

import Foundation
import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz
import LinkGraphViews
import XCTest

/// Memory over many renders in one process, and what the sandbox costs per render.
/// The figures are printed (`memory\t...`, `overhead\t...`) for Benchmarks/render/MEMORY.md.
final class RenderMemoryTests: XCTestCase {
    static let example = CLIRunner.repositoryRoot.appendingPathComponent("Graphs/iran-iraq-2014/case.json").path

    /// Resident memory of this process in bytes (`/proc/self/statm`, second field, in pages).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    static func drawings() throws -> [DOTGraph] {
        let caseFile = try CaseFile.read(from: example)
        return [ViewKind.influence, .defection, .all].map { CaseView(kind: $0).drawing(of: caseFile) }
    }

    func testThousandRenders_inProcess_memoryFlat() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/statm") else { throw XCTSkip("needs /proc") }
        let drawings = try Self.drawings()
        var at100 = 0
        var sizes = Set<Int>()
        let started = Date()
        for i in 1...1000 {
            // Each render's bytes are dropped at once; autoreleasepool is a no-op on Linux.
            let data = try Graphviz.shared.render(drawings[i % drawings.count], format: .svg)
            sizes.insert(data.count)
            if i == 100 { at100 = Self.residentBytes() }
        }
        let at1000 = Self.residentBytes()
        let growth = at1000 - at100
        print(
            String(
                format:
                    "memory\tin-process\t1000 renders\tRSS at 100: %.1f MB\tat 1000: %.1f MB\tgrowth %.2f MB\t%.1f ms per render",
                Double(at100) / 1e6, Double(at1000) / 1e6, Double(growth) / 1e6,
                Date().timeIntervalSince(started) * 1000 / 1000))
        XCTAssertEqual(sizes.count, 3, "each view renders the same bytes every time")
        // Flat: under 4 MB from the 100th render to the 1,000th (a leak of one graph per
        // render, about 40 KB, would add 36 MB).
        XCTAssertLessThan(growth, 4 << 20)
    }

    func testSandbox_overheadPerRender_andParentFlat() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/statm") else { throw XCTSkip("needs /proc") }
        let drawing = try Self.drawings()[0]
        let sandbox = GraphvizSandbox(executable: try CLIRunner.executable.path)
        _ = try sandbox.rendering(drawing, format: .svg)
        _ = try Graphviz.shared.rendering(drawing, format: .svg)
        let runs = 100
        var inside = 0.0, outside = 0.0
        var at10 = 0
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        for i in 1...runs {
            var start = Date()
            let a = try Graphviz.shared.rendering(drawing, format: .svg)
            inside += Date().timeIntervalSince(start)
            start = Date()
            let b = try sandbox.rendering(drawing, format: .svg)
            outside += Date().timeIntervalSince(start)
            XCTAssertEqual(a.data, b.data)
            if i == 10 { at10 = Self.residentBytes() }
        }
        let growth = Self.residentBytes() - at10
        let perRender = (outside - inside) / Double(runs) * 1000
        print(
            String(
                format:
                    "overhead\tsandbox\t%d renders of the influence view (%d nodes)\tin process %.1f ms\tsandbox %.1f ms\toverhead %.1f ms per render\tparent RSS growth %.2f MB",
                runs, drawing.nodes.count, inside / Double(runs) * 1000, outside / Double(runs) * 1000, perRender,
                Double(growth) / 1e6))
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0, descriptors)
        XCTAssertLessThan(growth, 4 << 20)
        // A process start per render: milliseconds, not seconds (loose, for a busy machine).
        XCTAssertLessThan(perRender, 1000)
    }
}

import XCTest

@testable import LinkGraphPlugin

final class CommandLineWordsTests: XCTestCase {
    func testSplit_plainWordsAndRunsOfSpace() throws {
        XCTAssertEqual(try CommandLineWords.split("  python3   x.py\t--fast "), ["python3", "x.py", "--fast"])
    }

    func testSplit_quotesAndBackslashes_likeAShell() throws {
        XCTAssertEqual(
            try CommandLineWords.split(#"python3 'my dir/x.py' "a \"b\" \$c \d""#),
            ["python3", "my dir/x.py", #"a "b" $c \d"#])
        XCTAssertEqual(try CommandLineWords.split(#"a\ b c\'d"#), ["a b", "c'd"])
        XCTAssertEqual(try CommandLineWords.split(#"x'y z'"w" '' """#), ["xy zw", "", ""])
        XCTAssertEqual(try CommandLineWords.split("a\\\nb"), ["ab"], "a backslash-newline joins the lines")
        XCTAssertEqual(try CommandLineWords.split(#"'it''s' "\\""#), ["its", "\\"])
    }

    func testSplit_errors() {
        for bad in ["", "   ", "python3 'open", #"python3 "open"#, "trailing\\"] {
            XCTAssertThrowsError(try CommandLineWords.split(bad), bad) { error in
                guard case .badCommandLine? = error as? PluginError else { return XCTFail("\(error)") }
            }
        }
    }
}

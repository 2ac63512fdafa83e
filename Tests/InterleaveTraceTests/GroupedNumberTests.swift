import InterleaveTrace
import Testing

@Suite struct GroupedNumberTests {
    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (31_000, "31,000"), (1_234_567, "1,234,567"),
                      (-2_000, "-2,000"), (Int.min, "-9,223,372,036,854,775,808")])
    func thousandsAreSeparated(value: Int, text: String) {
        #expect(formatGrouped(value) == text)
    }
}

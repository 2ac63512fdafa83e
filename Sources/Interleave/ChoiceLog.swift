/// The choices a run has made, packed: each as a LEB128 varint, one byte below 128.
///
/// A run under a random schedule makes a choice at most steps, and keeps them all so that it
/// can be saved and replayed. As `[Int]` that was 8 bytes a choice, the largest part of the
/// memory a task costs in the soak (about 30 of its 120 bytes); most choices are small
/// indices, and pack into one or two bytes.
/// ```swift
/// var log = ChoiceLog()
/// log.append(3); log.append(300)
/// log.count      // 2
/// log.choices    // [3, 300]
/// ```
struct ChoiceLog {
    private var bytes: [UInt8] = []
    private(set) var count = 0

    /// Adds a choice (a non-negative index into the ready jobs).
    @inline(__always)
    mutating func append(_ choice: Int) {
        precondition(choice >= 0, "a choice is an index into the ready jobs")
        var rest = UInt(choice)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
        count += 1
    }

    /// Every choice, in order.
    var choices: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        var value: UInt = 0
        var shift: UInt = 0
        for byte in bytes {
            value |= UInt(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                result.append(Int(value))
                value = 0
                shift = 0
            } else {
                shift += 7
            }
        }
        return result
    }
}

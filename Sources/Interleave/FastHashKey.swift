/// A dictionary key for integers the program makes itself (job addresses, task indices), with a
/// hash of a few instructions.
///
/// The registry looks a task up by its jobs' address on every step, and adds and removes one per
/// task: with `UInt`'s SipHash that was seven hashes of ~95 instructions a task, 4 % of a
/// spawn (callgrind). These keys come from the allocator and from counters, not from input anyone
/// controls, so the flooding resistance SipHash buys is not needed; spreading the bits is.
/// `_rawHashValue(seed:)` is `Hashable`'s own requirement for this, the one the standard
/// library's types implement.
/// ```swift
/// var byAddress: [FastHashKey: TaskRecord] = [:]
/// byAddress[FastHashKey(address)] = record
/// ```
struct FastHashKey: Hashable {
    let raw: UInt

    init(_ raw: UInt) { self.raw = raw }
    init(_ index: Int) { raw = UInt(bitPattern: index) }

    func hash(into hasher: inout Hasher) { hasher.combine(raw) }

    func _rawHashValue(seed: Int) -> Int {
        // Fibonacci hashing: the product's high half mixes every bit of the key, and folding it
        // down gives the low bits (the ones a dictionary's buckets use) all of them. Addresses
        // are 16 bytes apart at least, so their own low bits are always zero.
        let product = raw &* 0x9E37_79B9_7F4A_7C15
        return Int(bitPattern: product ^ (product >> 29)) ^ seed
    }
}

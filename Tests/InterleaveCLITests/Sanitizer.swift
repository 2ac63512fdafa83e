import Foundation

/// Whether these tests, and so the `interleave` binary built with them, run under a sanitizer.
///
/// Sanitizers change what some tests can measure: ThreadSanitizer and AddressSanitizer reserve
/// terabytes of address space and grow shadow memory with every new address touched, run the
/// program several times slower, and field crash signals their own way. `swift test
/// --sanitize=…` links the runtime into the test binary, so its entry point is looked up there;
/// the options variables cover a runtime preloaded some other way.
/// ```swift
/// if !Sanitizer.isActive { #expect(growth < 2_048) }
/// ```
enum Sanitizer {
    static let isActive: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if ["TSAN_OPTIONS", "ASAN_OPTIONS", "LSAN_OPTIONS"].contains(where: { environment[$0] != nil }) { return true }
        guard let program = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(program) }
        let entryPoints: [String] = ["__tsan_init", "__asan_init"]
        return entryPoints.contains { dlsym(program, $0) != nil }
    }()
}

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
    static let isActive: Bool = isThread || hasOptions("ASAN_OPTIONS") || hasOptions("LSAN_OPTIONS") || hasEntryPoint("__asan_init")

    /// ThreadSanitizer in particular: it defers a signal sent to the process until the thread
    /// reaches one of its interceptors, which a thread parked in an uninstrumented wait never does.
    static let isThread: Bool = hasOptions("TSAN_OPTIONS") || hasEntryPoint("__tsan_init")

    private static func hasOptions(_ variable: String) -> Bool {
        ProcessInfo.processInfo.environment[variable] != nil
    }

    private static func hasEntryPoint(_ symbol: String) -> Bool {
        guard let program = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(program) }
        return dlsym(program, symbol) != nil
    }
}

import Demos
import InterleaveApp
import InterleavePython

extension PlaylistDemos {
    /// The catalogue's demos, each run as `record` runs it with the default options.
    static let catalogue = PlaylistDemos(
        named: { name in
            Catalogue.named(name).map { demo in
                .init(title: demo.title, run: HeadlessRun(seed: 1) { demo.start(on: $0, options: DemoOptions()) })
            }
        },
        unknownNameMessage: { UnknownName.demo($0) },
        program: { path in
            let program = PythonProgram(path: path)
            do { try program.validate() } catch { return .failure(PlaylistLoadError(message: "\(error)")) }
            return .success(.init(title: program.fileName, run: program.headlessRun()))
        }
    )
}

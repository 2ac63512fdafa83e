import Demos
import InterleaveApp

extension PlaylistDemos {
    /// The catalogue's demos, each run as `record` runs it with the default options.
    static let catalogue = PlaylistDemos(
        named: { name in
            Catalogue.named(name).map { demo in
                .init(title: demo.title, run: HeadlessRun(seed: 1) { demo.start(on: $0, options: DemoOptions()) })
            }
        },
        unknownNameMessage: { UnknownName.demo($0) }
    )
}

import ArgumentParser
import LinkGraphAlgorithms

/// `--measure NAME` and `--size-by NAME` take the library's measure names.
extension CentralityMeasure: ExpressibleByArgument {}

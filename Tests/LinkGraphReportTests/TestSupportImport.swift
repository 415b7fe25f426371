// The shared test support (LinkGraphTestSupport: shared-data locator, CLI and timed runners)
// for every file of this target.
@_exported import LinkGraphTestSupport

//! The `credit-health` binary: opens the app, or runs a command.

fn main() {}

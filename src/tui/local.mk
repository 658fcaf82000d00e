# src/tui: sources and unit tests

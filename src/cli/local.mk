# src/cli: sources and unit tests

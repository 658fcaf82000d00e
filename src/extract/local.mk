# src/extract: sources and unit tests

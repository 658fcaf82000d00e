# src/archive: sources and unit tests

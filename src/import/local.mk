# src/import: sources and unit tests

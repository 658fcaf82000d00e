# src/config: sources and unit tests

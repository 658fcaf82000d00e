# src/flag: sources and unit tests

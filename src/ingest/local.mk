# src/ingest: sources and unit tests

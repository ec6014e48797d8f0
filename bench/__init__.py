"""Benchmarks of 公文助手: speed is measured here, never asserted in a test."""

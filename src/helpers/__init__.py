"""Helpers for the reproducible companion of 'Policing Response to Modern Slavery' (IASC, 2025)."""

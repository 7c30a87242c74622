"""Callsheet's domain and storage, shared by the desktop app and the HTTP API.

Nothing in this package knows about Qt or HTTP: front ends call it, it talks
to SQLite.
"""

"""Callsheet's desktop app: the office's CRM, with the Apollo API embedded."""

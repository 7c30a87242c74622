"""Briefcase starts an app as ``python -m <app name>``; this package is that name."""

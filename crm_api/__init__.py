"""The HTTP API that the Apollo contact center calls: Falcon resources served by Waitress."""

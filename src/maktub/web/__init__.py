"""The web app: search, read and annotate the archive in a browser."""

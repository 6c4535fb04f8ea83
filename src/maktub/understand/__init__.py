"""Understanding: what kind of document a page is, and its parts (letters, articles, listings)."""

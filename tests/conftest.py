"""Cross-app tests: site-wide pages, the interface catalogues, the settings, and the browser
tests (tests/browser/). Shared fixtures live in the root conftest.py."""

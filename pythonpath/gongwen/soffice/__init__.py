"""The soffice driver: one headless LibreOffice for a batch (conversions, PDF export),
started on demand and always stopped. Used by the CLI and by the test rig."""

"""PDF measuring (poppler's pdftotext) and the PDF checker of ``lint FILE.pdf``."""

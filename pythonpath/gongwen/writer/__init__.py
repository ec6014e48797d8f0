"""The LibreOffice glue: the only package that imports ``uno``.

It reads and writes the Writer model and calls the pure core for decisions.
"""

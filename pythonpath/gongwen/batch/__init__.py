"""The batch (CLI) side: reads and writes .docx with python-docx/lxml.

Unlike the core, modules here may import third-party packages; they are never
imported from inside LibreOffice.
"""

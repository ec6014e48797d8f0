"""The OOXML host: reads and writes .docx with python-docx and lxml, carrying out
the core's plan (:mod:`gongwen.layout`). Never imported inside LibreOffice."""

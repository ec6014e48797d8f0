"""公文助手 (gongwen): 述职报告 and 工作总结 as GB/T 9704-2012 official documents.

The package root is the pure core (standard library only, never imports ``uno``);
``gongwen.writer`` is the LibreOffice glue and ``gongwen.cli`` the batch tool.
"""

__version__ = "0.3.0"

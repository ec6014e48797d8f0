"""The tests' name for :mod:`gongwen.batch.pdfmeasure`, the PDF measurer that ships in the
package (``python -m gongwen lint FILE.pdf`` runs it); ``import measure`` and
``from tests.measure import …`` give that very module."""

from __future__ import annotations

import sys

from gongwen.batch import pdfmeasure

sys.modules[__name__] = pdfmeasure

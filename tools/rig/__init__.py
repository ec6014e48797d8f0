"""The test rig, also used by tools/ and bench/: ``rig.office`` runs a real headless soffice
with the built extension in a throwaway profile. (PDFs are measured by the product's own
:mod:`gongwen.pdf.pdfmeasure`, which ``lint FILE.pdf`` runs.) Import it with tools/ on
sys.path: tests/conftest.py, bench and the tools put it there."""

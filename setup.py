"""The one thing pyproject.toml cannot say: the docxtpl templates' sources stand at the top
of the repository (``templates/``, as the design card lays it out) and ship as the package
data ``gongwen/templates/*.docx`` of the wheel and of ``pip install .``."""

from setuptools import find_packages, setup

setup(
    packages=find_packages("pythonpath") + ["gongwen.templates"],
    package_dir={"": "pythonpath", "gongwen.templates": "templates"},
)

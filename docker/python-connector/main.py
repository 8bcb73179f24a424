"""Runs the connector's console script, as main.py runs the connector in Airbyte's Python images.

The script's name is in the file console_script beside this one (written when the image is built);
its entry point is loaded from the installed package's metadata and called with the command line
(``python main.py spec``, ``read --config ... --catalog ...``).
"""
import sys
from importlib.metadata import entry_points
from pathlib import Path

name = (Path(__file__).parent / "console_script").read_text(encoding="utf-8").strip()
(entry_point,) = entry_points(group="console_scripts", name=name)
sys.argv[0] = name
sys.exit(entry_point.load()())

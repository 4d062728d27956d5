"""repair: find and repair Arabic text damaged by PDF extraction and OCR.

>>> import repair
>>> repair.fix_text("وكالـــة “أعمـــاق” المرتبطـــة بتنظيـــم “داعـــش”")
'وكالة “أعماق” المرتبطة بتنظيم “داعش”'
"""

from .model import Change, Config, Diagnosis, Figure, Result
from .pipeline import diagnose, fix_and_explain, fix_text
from .siblings import Sibling

__version__ = "0.1.0"
__all__ = ["Change", "Config", "Diagnosis", "Figure", "Result", "Sibling",
           "diagnose", "fix_and_explain", "fix_text", "__version__"]

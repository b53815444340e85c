# from __future__ must come first.
import os
from __future__ import annotations

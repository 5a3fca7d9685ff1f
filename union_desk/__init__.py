"""union_desk: the township trade-union clerk's desktop workbench (建德市)."""

__version__ = "0.1.0"
APP_NAME = "union_desk"

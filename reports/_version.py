"""The tool's version. Imports nothing, so an exporter can name it without loading the package."""

__version__ = "0.1.0"

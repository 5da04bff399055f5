"""Text for reportlab, shared by every exporter that draws with it (the PDF brief, the
dossier's timeline picture): the DejaVu families registered once (fonts.py), the gate
every article string passes (fonts.TextGate), Noto fonts for the scripts DejaVu lacks
(fallback.py) and right-to-left runs in visual order (rtl.py)."""

"""Build state and analysts' work carried across rebuilds.

- sheets.py: analysts' sheets and Notes-column cells read from the workbook being
  replaced, for the new workbook;
- documents.py: digests of generated documents and backups of edited ones;
- diff.py: the difference between two records, fact by fact;
- state.py: the last record of every article, kept next to the manifest.

(The dossier's notes are carried by the dossier exporter itself: _docx/notes.py.)
"""

"""The timeline picture both documents show: the brief draws it on page one (reportlab
flowable), the dossier puts it as a PNG above its Timeline table (picture.py). Shared
here because exporters do not import each other; reportlab is imported only by the
modules that draw, so importing this package costs nothing."""

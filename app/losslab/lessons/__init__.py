"""Guided lessons: predict, then reveal (Qt-free).

A lesson is a plain TOML file (``resources/lessons/FORMAT.md`` documents it): a title and a few
steps, each setting one panel's parameters, locking or hiding some of its controls, explaining
what to look at and, optionally, asking the class to predict before the reveal.
:mod:`losslab.lessons.format` reads and validates lesson files; :mod:`losslab.lessons.runner`
walks through one against the panels' states.  The Qt side is ``losslab.qt.lesson_bar`` (the
bar and the prediction UI), ``losslab.qt.handout`` (PDF) and the Lessons menu of the main window.
"""

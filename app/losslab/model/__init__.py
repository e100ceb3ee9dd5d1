"""The pure model layer: maths, parameter specs and observable state.

Imports only the standard library and numpy (a test enforces it), so everything here runs and is
tested without a display, and the command line can compute data without starting Qt.
"""

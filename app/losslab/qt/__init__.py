"""Everything that imports PySide6 or pyqtgraph: the views of the model layer."""

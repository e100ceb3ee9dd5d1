"""The Risk lab's read-out: which model, its coefficients, and its four risks.

Laid out so that a change of the numbers repaints only the numbers.  A rich-text table in one
label was re-parsed and laid out (Qt's table layout) on every change and re-laid out the
control column whenever its height changed: ~2 ms of a ~12 ms degree change.  Here the row
labels are static, each value is a plain-text label of a fixed size (room for any number that
``{:.6g}`` writes), and only the title and the coefficient list, which wrap, can change height
(see :class:`~losslab.qt.panel_base.WrappedReadout`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from losslab.qt.panel_base import WrappedReadout

#: The widest text ``{:.6g}`` writes for a double (digits are equally wide in UI fonts).
WIDEST_VALUE = "-8.88888e-308"


class RiskReadout(QWidget):
    """Title, coefficient list and rows of (label, value); see the module docstring."""

    def __init__(self, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title = WrappedReadout(text_format=Qt.TextFormat.PlainText)
        font = self.title.label.font()
        font.setBold(True)
        self.title.label.setFont(font)
        self.coefficients = WrappedReadout(text_format=Qt.TextFormat.PlainText)
        layout.addWidget(self.title)
        layout.addWidget(self.coefficients)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(0, 1)
        self.labels: list[QLabel] = []
        self.values: list[QLabel] = []
        for i in range(rows):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            value = QLabel()
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, i, 0)
            grid.addWidget(value, i, 1, Qt.AlignmentFlag.AlignTop)  # beside the first line
            self.labels.append(label)
            self.values.append(value)
        layout.addLayout(grid)
        self._size_values()

    def setObjectName(self, name: str) -> None:  # noqa: N802 (Qt override)
        super().setObjectName(name)
        self.title.setObjectName(f"{name}_title")
        self.coefficients.setObjectName(f"{name}_coefficients")
        for i, value in enumerate(self.values):
            value.setObjectName(f"{name}_value_{i}")

    def _size_values(self) -> None:
        """A fixed size for every value: a new number then never re-lays the column out."""
        for value in self.values:
            metrics = value.fontMetrics()
            value.setFixedSize(metrics.horizontalAdvance(WIDEST_VALUE) + 4, metrics.height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presenter mode
            self._size_values()

    def show_values(self, title: str, coefficients: str,
                    rows: Sequence[tuple[str, float]]) -> None:
        """Show the model's name, its coefficient list and each (label, value), values as
        ``{:.6g}``; only what differs from what is shown is set."""
        self.title.setText(title)
        self.coefficients.setText(coefficients)
        for (text, number), label, value in zip(rows, self.labels, self.values, strict=True):
            if label.text() != text:
                label.setText(text)
            shown = f"{number:.6g}"
            if value.text() != shown:
                value.setText(shown)

    def text(self) -> str:
        """Everything the read-out shows, one line per part (for tests and the clipboard)."""
        lines = [self.title.text(), self.coefficients.text()]
        lines += [f"{label.text()}  {value.text()}"
                  for label, value in zip(self.labels, self.values, strict=True)]
        return "\n".join(lines)

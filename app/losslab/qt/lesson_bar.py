"""The lesson bar: where a lesson is told, step by step, and where the class predicts.

The bar is the view of a :class:`~losslab.lessons.runner.LessonRunner` (its model): Previous /
Next / Reveal and the typed show-of-hands counts or guesses go into the runner, and the bar
redraws from the runner in :meth:`LessonBar.refresh`.  It never touches a panel: the runner sets
the panels' states, and the main window brings the step's panel to the front and locks its
controls (it is the runner's listener and calls :meth:`LessonBar.refresh`).

Lesson texts are in the lesson file, in both languages (``language`` picks one); the bar's own
words go through :func:`~losslab.qt.binding.tr` in the "lessons" context.

:class:`PageKeys` lets a USB presenter clicker (it sends PageUp / PageDown) turn the steps
wherever the keyboard focus is, also in a spin box or text box that would use those keys.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from losslab.lessons.format import LETTERS, Question, number_text
from losslab.lessons.runner import LessonRunner, parse_guesses
from losslab.qt import theme
from losslab.qt.binding import quiet, tr

#: Most hands one choice can get (a big lecture hall).
MAX_COUNT = 9999
RIGHT_COLOUR = theme.OKABE_ITO["bluish_green"]
WRONG_COLOUR = theme.OKABE_ITO["vermillion"]


def paragraphs(text: str) -> str:
    """Plain lesson text as HTML paragraphs (a blank line starts a new paragraph)."""
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in parts if p)


def outcome_text(runner: LessonRunner, language: str) -> str:
    """The reveal's verdict as HTML: the answer and how the class did."""
    question = runner.step.question
    result = runner.outcome()
    if question is None or result is None:
        return ""
    lines = [tr("Answer: {answer}", "lessons").format(
        answer=f"<b style='color:{RIGHT_COLOUR}'>{html.escape(question.answer_text(language))}"
               "</b>")]
    if result.votes:
        share = f"{100.0 * (result.share or 0.0):.0f}%"
        if question.kind == "choice":
            lines.append(tr("{right} of {votes} hands were right ({share}).", "lessons").format(
                right=result.right, votes=result.votes, share=share))
        else:
            lines.append(tr("{right} of {votes} guesses were within the tolerance ({share}); "
                            "closest: {closest}.", "lessons").format(
                right=result.right, votes=result.votes, share=share,
                closest=number_text(result.closest if result.closest is not None else 0.0)))
    return "<br>".join(lines)


def step_html(runner: LessonRunner, language: str) -> str:
    """The lesson text of the current step; once revealed, followed by why the answer is right
    (the verdict itself is shown beside the choices)."""
    step = runner.step
    body = paragraphs(step.text.get(language))
    if runner.current.revealed and step.question is not None:
        explain = step.question.explain.get(language)
        if explain:
            body += "<hr>" + paragraphs(explain)
    return body


class LessonBar(QWidget):
    """Title, step k of n, Previous / Next, the step's text and its question.

    Children by objectName: ``lesson_title``, ``lesson_step``, ``lesson_prev``, ``lesson_next``,
    ``lesson_handout``, ``lesson_leave``, ``lesson_text``, ``lesson_question`` (a group box with
    ``lesson_prompt``, ``lesson_choice_A``… and ``lesson_count_A``… or ``lesson_guesses``),
    ``lesson_reveal`` and ``lesson_result``.
    """

    #: The user asked to leave the lesson (the main window restores the panels).
    leave_requested = Signal()
    #: The user asked for the lesson's handout (PDF).
    handout_requested = Signal()
    #: Reveal was pressed and the runner applied the reveal (the window may animate it).
    revealed = Signal()

    def __init__(self, runner: LessonRunner, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lesson_bar")
        self.runner = runner
        self.language = language
        self._built_for = -1
        self._text_revealed = False
        self.counts: list[QSpinBox] = []
        self.choice_labels: list[QLabel] = []
        self.guesses: QLineEdit | None = None

        self.title = QLabel()
        self.title.setObjectName("lesson_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.step_label = QLabel()
        self.step_label.setObjectName("lesson_step")
        self.step_label.setTextFormat(Qt.TextFormat.PlainText)
        self.prev = self._button("lesson_prev", tr("◀ Previous", "lessons"),
                                 tr("Previous step (Page Up)", "lessons"), self._on_prev)
        self.next = self._button("lesson_next", tr("Next ▶", "lessons"),
                                 tr("Next step (Page Down)", "lessons"), self._on_next)
        self.handout = self._button("lesson_handout", tr("Handout (PDF)…", "lessons"),
                                    tr("Export this lesson as a printable PDF handout",
                                       "lessons"), self.handout_requested.emit)
        self.leave = self._button("lesson_leave", tr("Leave lesson", "lessons"),
                                  tr("End the lesson and restore the panels as they were",
                                     "lessons"), self.leave_requested.emit)
        self.reveal = self._button("lesson_reveal", tr("Reveal", "lessons"),
                                   tr("Show what really happens and mark the answer", "lessons"),
                                   self._on_reveal)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title)
        head.addSpacing(12)
        head.addWidget(self.step_label, 1)
        for button in (self.reveal, self.prev, self.next, self.handout, self.leave):
            head.addWidget(button)

        self.text = QTextBrowser()
        self.text.setObjectName("lesson_text")
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName(tr("Lesson text", "lessons"))
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        line = self.fontMetrics().lineSpacing()
        # Room for a few sentences; longer texts scroll rather than push the panels away.
        self.text.setMinimumHeight(5 * line)
        self.text.setMaximumHeight(11 * line)

        self.question = QGroupBox(tr("Predict first", "lessons"))
        self.question.setObjectName("lesson_question")
        self.question_layout = QVBoxLayout(self.question)
        self.prompt = QLabel()
        self.prompt.setObjectName("lesson_prompt")
        self.prompt.setWordWrap(True)
        self.question_layout.addWidget(self.prompt)
        self.answers = QWidget()
        self.answers_layout = QGridLayout(self.answers)
        self.answers_layout.setContentsMargins(0, 0, 0, 0)
        self.question_layout.addWidget(self.answers)
        self.result = QLabel()
        self.result.setObjectName("lesson_result")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.question_layout.addWidget(self.result)
        self.question_layout.addStretch(1)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.text, 3, Qt.AlignmentFlag.AlignTop)
        body.addWidget(self.question, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(head)
        layout.addLayout(body)
        self.refresh()

    def _button(self, name: str, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        # Clicking must not take the focus from where the teacher was typing counts.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(lambda _=False: slot())
        return button

    # ------------------------------------------------------------------ user → runner
    def _on_prev(self) -> None:
        self.runner.previous()

    def _on_next(self) -> None:
        self.runner.next()

    def _on_reveal(self) -> None:
        self._read_guesses()
        self.runner.reveal()
        self.revealed.emit()

    def _on_count(self, choice: int, value: int) -> None:
        self.runner.set_count(choice, value)
        self._show_result()

    def _read_guesses(self) -> None:
        if self.guesses is None:
            return
        try:
            values = parse_guesses(self.guesses.text())
        except ValueError as exc:
            self.guesses.setStyleSheet(f"QLineEdit {{ border: 2px solid {WRONG_COLOUR}; }}")
            self.guesses.setToolTip(tr("Not a list of numbers: {problem}", "lessons").format(
                problem=str(exc)))
            return
        self.guesses.setStyleSheet("")
        self.guesses.setToolTip(tr("The class's guesses, separated by commas or spaces",
                                   "lessons"))
        self.runner.set_guesses(values)
        self._show_result()

    # ------------------------------------------------------------------ runner → view
    def refresh(self) -> None:
        """Show the runner's current step (rebuilding the question when the step changed)."""
        runner, lang = self.runner, self.language
        step = runner.step
        index = max(runner.index, 0)
        self.title.setText(runner.lesson.title.get(lang))
        heading = tr("Step {k} of {n}", "lessons").format(k=index + 1, n=runner.count)
        if step.title:
            heading += ": " + step.title.get(lang)
        self.step_label.setText(heading)
        self.prev.setEnabled(index > 0)
        self.next.setEnabled(index < runner.count - 1)
        if index != self._built_for:
            self._build_question(step.question)
            self._built_for = index
        self.question.setVisible(step.can_reveal)
        self.question.setTitle(tr("Predict first", "lessons") if step.question is not None
                               else tr("Reveal", "lessons"))
        revealed = runner.current.revealed
        self.reveal.setVisible(step.can_reveal)
        self.reveal.setEnabled(step.can_reveal and not revealed)
        self.reveal.setText(tr("Revealed", "lessons") if revealed else tr("Reveal", "lessons"))
        self._show_result()

    def _build_question(self, question: Question | None) -> None:
        while self.answers_layout.count():
            item = self.answers_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.counts, self.choice_labels, self.guesses = [], [], None
        lang = self.language
        if question is None:
            self.prompt.setText(tr("Watch what changes when you press Reveal.", "lessons"))
            return
        self.prompt.setText(question.prompt.get(lang))
        if question.kind == "choice":
            hands = QLabel(tr("hands", "lessons"))
            hands.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.answers_layout.addWidget(hands, 0, 1)
            for i, choice in enumerate(question.choices):
                letter = LETTERS[i]
                label = QLabel(f"<b>{letter}</b>&nbsp; {html.escape(choice.get(lang))}")
                label.setObjectName(f"lesson_choice_{letter}")
                label.setWordWrap(True)
                count = QSpinBox()
                count.setObjectName(f"lesson_count_{letter}")
                count.setRange(0, MAX_COUNT)
                count.setAccessibleName(tr("Hands for {letter}", "lessons").format(letter=letter))
                count.setValue(self.runner.current.counts[i])
                count.valueChanged.connect(lambda v, i=i: self._on_count(i, v))
                label.setBuddy(count)
                self.answers_layout.addWidget(label, i + 1, 0)
                self.answers_layout.addWidget(count, i + 1, 1)
                self.choice_labels.append(label)
                self.counts.append(count)
            self.answers_layout.setColumnStretch(0, 1)
        else:
            label = QLabel(tr("Guesses:", "lessons"))
            self.guesses = QLineEdit()
            self.guesses.setObjectName("lesson_guesses")
            self.guesses.setPlaceholderText(tr("e.g. 0.2, 0.35, 1", "lessons"))
            self.guesses.setToolTip(tr("The class's guesses, separated by commas or spaces",
                                       "lessons"))
            self.guesses.setText(", ".join(number_text(g) for g in self.runner.current.guesses))
            self.guesses.editingFinished.connect(self._read_guesses)
            label.setBuddy(self.guesses)
            self.answers_layout.addWidget(label, 0, 0)
            self.answers_layout.addWidget(self.guesses, 0, 1)
            self.answers_layout.setColumnStretch(1, 1)

    def _show_result(self) -> None:
        step, answers = self.runner.step, self.runner.current
        question = step.question
        revealed = answers.revealed
        for i, (label, count) in enumerate(zip(self.choice_labels, self.counts, strict=True)):
            with quiet(count):
                count.setValue(answers.counts[i])
            if question is None:
                continue
            right = i == question.answer_index
            choice = html.escape(question.choices[i].get(self.language))
            text = f"<b>{LETTERS[i]}</b>&nbsp; {choice}"
            if revealed and right:
                text = f"<span style='color:{RIGHT_COLOUR}'>✔ {text}</span>"
            label.setText(text)
        self.result.setText(outcome_text(self.runner, self.language) if revealed else "")
        self.result.setVisible(revealed and question is not None)
        bar = self.text.verticalScrollBar()
        keep = bar.value() if revealed == self._text_revealed else 0
        self.text.setHtml(step_html(self.runner, self.language))
        bar.setValue(keep)
        self._text_revealed = revealed


class PageKeys(QObject):
    """Application-wide PageUp / PageDown → previous / next step, in one window.

    A presenter clicker sends these keys, and the focus may be anywhere, also in a spin box
    that would otherwise step by ten with them.  Installed on the application while a lesson
    runs; keys with modifiers and keys for other windows pass through.
    """

    def __init__(self, window: QWidget, previous: Callable[[], object],
                 following: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self.previous = previous
        self.following = following

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key not in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        top = watched.window()
        # The main window and its docks, also a dock floated out of it; not other windows
        # (a help window scrolls with these keys).
        if top is not self.window and not (isinstance(top, QDockWidget)
                                           and top.parentWidget() is self.window):
            return False
        event.accept()
        (self.previous if key == Qt.Key.Key_PageUp else self.following)()
        return True

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


# ---------------------------------------------------------------------- locking controls
def named_widgets(panel: QWidget, name: str) -> list[QWidget]:
    """The widgets that edit parameter ``name`` in ``panel``: its control (``panel.controls``)
    or, for parameters edited in a table, the child widget of that objectName."""
    controls = getattr(panel, "controls", {})
    widget = controls.get(name) or panel.findChild(QWidget, name)
    return [widget] if widget is not None else []


def _handles(panel: QWidget, name: str) -> list[QObject]:
    """Draggable plot handles of parameter ``name`` (objectName ``<name>_handle…``)."""
    graphics = getattr(panel, "graphics", None)
    if graphics is None:
        return []
    prefix = f"{name}_handle"
    return [item for item in graphics.scene().items()
            if isinstance(item, QObject) and item.objectName().startswith(prefix)
            and hasattr(item, "setMovable")]


def set_locked(panel: QWidget, name: str, locked: bool) -> None:
    """Disable (or enable again) the control of ``name`` and its plot handles."""
    for widget in named_widgets(panel, name):
        widget.setEnabled(not locked)
    for handle in _handles(panel, name):
        handle.setMovable(not locked)  # type: ignore[attr-defined]


def set_hidden(panel: QWidget, name: str, hidden: bool) -> None:
    """Hide (or show again) the row of ``name``'s control, label included, and its handles."""
    for widget in named_widgets(panel, name):
        form = next((f for f in panel.findChildren(QFormLayout) if f.indexOf(widget) >= 0),
                    None)
        if form is not None:
            form.setRowVisible(widget, not hidden)
        else:
            widget.setVisible(not hidden)
    for handle in _handles(panel, name):
        handle.setVisible(not hidden)  # type: ignore[attr-defined]

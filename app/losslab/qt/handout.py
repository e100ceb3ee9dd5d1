"""A lesson's printable handout: one PDF page per step, then a page of answers.

Each step's page has the step's heading, the figure of its panel — the panel's own view, built
offscreen for the step's state (before the reveal) in the light theme, rendered like a PNG
export — the step's explanation and its question, with boxes to tick or a line to write the
guess on.  The last page gives every answer and why.  Written with Qt's own PDF writer
(``QPdfWriter`` + ``QPainter``), A4, in the language asked for: lesson texts come from the lesson
file, the handout's own words and the figures' labels from the translation catalogue; Chinese is
set in Noto Sans CJK.  The file is written atomically (built in memory first).
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from losslab.io.atomic import WriteError, atomic_write_bytes
from losslab.lessons.format import LETTERS, Lesson, Step
from losslab.qt import i18n, theme
from losslab.qt.binding import tr
from losslab.qt.lesson_bar import paragraphs

#: Figure size in logical pixels (16:10; smaller than the screen so labels stay legible on A4)
#: and device pixels per logical pixel.
FIGURE_SIZE = (760, 475)
FIGURE_SCALE = 2.5
#: Dots per inch of the PDF's coordinate system.
RESOLUTION = 300
#: Body text size, points, and the smallest fraction of it used to fit a long page.
FONT_POINTS = 10.5
MIN_SCALE = 0.6
#: Smallest share of the page height left for a step's figure.
MIN_FIGURE_SHARE = 0.3
#: Font families in order of preference (the first one installed wins; Qt falls back per glyph).
FAMILIES = {
    "en": ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Noto Sans CJK SC"),
    "zh_CN": ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans"),
}


def handout_font(language: str) -> QFont:
    """The body font for ``language``: installed families of :data:`FAMILIES`, in order."""
    installed = set(QFontDatabase.families())
    families = [f for f in FAMILIES.get(language, FAMILIES["en"]) if f in installed]
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPointSizeF(FONT_POINTS)
    return font


@contextmanager
def _language(language: str, restore: str) -> Iterator[None]:
    """The catalogue of ``language`` installed while the body runs (figures and headings are
    translated with it), then ``restore``'s again."""
    i18n.install(language)
    try:
        yield
    finally:
        i18n.install(restore)


@contextmanager
def _print_theme() -> Iterator[None]:
    """The light theme at normal size (no presenter mode) while figures are built."""
    saved = theme.current
    theme.current = replace(theme.THEMES["light"], font_scale=1.0)
    try:
        yield
    finally:
        theme.current = saved


def step_figure(step: Step) -> QImage:
    """The step's panel drawn for the step's state (before the reveal), offscreen."""
    from losslab.panels import panel as panel_entry
    from losslab.qt.export import render_image

    entry = panel_entry(step.panel)
    state = entry.model.make_state()
    state.update(dict(step.start_values), clamp=False)  # exactly the validated step
    view = entry.view_class()(state)
    try:
        view.ensure_laid_out(FIGURE_SIZE)
        return render_image(view.graphics, scale=FIGURE_SCALE)
    finally:
        view.close()
        view.deleteLater()
        # Delete it now, while its scene is alive (as the CLI's figure export does).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _question_html(step: Step, language: str) -> str:
    question = step.question
    if question is None:
        return ""
    parts = [f"<h3>{html.escape(tr('Predict', 'lessons'))}</h3>",
             f"<p>{html.escape(question.prompt.get(language))}</p>"]
    if question.kind == "choice":
        rows = "".join(
            f"<tr><td style='padding-right:8px'>□</td><td style='padding-right:6px'>"
            f"<b>{LETTERS[i]}</b></td><td>{html.escape(c.get(language))}</td></tr>"
            for i, c in enumerate(question.choices))
        parts.append(f"<table cellspacing='4'>{rows}</table>")
    else:
        parts.append(f"<p>{html.escape(tr('Your guess:', 'lessons'))} "
                     "______________________</p>")
    return "".join(parts)


def _answers_html(lesson: Lesson, language: str) -> str:
    parts = [f"<h1>{html.escape(tr('Answers', 'lessons'))}</h1>",
             f"<p style='color:#555555'>{html.escape(lesson.title.get(language))}</p>"]
    asked = [s for s in lesson.steps if s.question is not None]
    if not asked:
        parts.append(f"<p>{html.escape(tr('This lesson asks no questions.', 'lessons'))}</p>")
    for step in asked:
        question = step.question
        assert question is not None
        heading = tr("Step {k}", "lessons").format(k=step.number)
        if step.title:
            heading += ": " + step.title.get(language)
        answer = tr("Answer: {answer}", "lessons").format(answer=question.answer_text(language))
        parts.append(f"<h3>{html.escape(heading)}</h3>"
                     f"<p>{html.escape(question.prompt.get(language))}</p>"
                     f"<p><b>{html.escape(answer)}</b></p>")
        explain = question.explain.get(language)
        if explain:
            parts.append(paragraphs(explain))
    return "".join(parts)


class _Pages:
    """Lays out rich text and images on the pages of a ``QPdfWriter``."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, font: QFont, footer: str) -> None:
        self.writer = writer
        self.painter = painter
        self.font = font
        self.footer = footer
        self.width = float(writer.width())
        self.height = float(writer.height())
        self.gap = RESOLUTION * 0.12  # 3 mm
        self.page = 0

    def document(self, body: str, scale: float = 1.0) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.writer)
        font = QFont(self.font)
        font.setPointSizeF(self.font.pointSizeF() * scale)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setTextWidth(self.width)
        doc.setHtml(body)
        return doc

    def fitted(self, body: str, room: float) -> QTextDocument:
        """``body`` laid out at the largest text size (down to :data:`MIN_SCALE`) whose height
        fits ``room``: a teacher's long text or many answers shrink rather than run off the
        page."""
        scale = 1.0
        doc = self.document(body)
        while doc.size().height() > room and scale > MIN_SCALE:
            scale = max(MIN_SCALE, scale - 0.05)
            doc = self.document(body, scale)
        return doc

    def draw(self, doc: QTextDocument, top: float) -> float:
        """Draw ``doc`` at ``top``; returns the y below it."""
        self.painter.save()
        self.painter.translate(0, top)
        doc.drawContents(self.painter, QRectF(0, 0, self.width, doc.size().height()))
        self.painter.restore()
        return top + doc.size().height()

    def new_page(self) -> None:
        if self.page:
            self.writer.newPage()
        self.page += 1

    def finish_page(self, total: int) -> None:
        footer = self.document(
            f"<p align='center' style='color:#666666'>{html.escape(self.footer)} · "
            f"{self.page} / {total}</p>", scale=0.8)
        self.draw(footer, self.height - footer.size().height())

    def footer_height(self) -> float:
        return self.document("<p>0</p>", scale=0.8).size().height() + self.gap


def handout_bytes(lesson: Lesson, language: str) -> tuple[bytes, int]:
    """The handout as PDF bytes and its number of pages (steps + 1).  Needs a QApplication;
    figures and headings use whatever catalogue is installed (see :func:`write_handout`)."""
    from losslab.panels import panel as panel_entry

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(16, 14, 16, 12), QPageLayout.Unit.Millimeter)
    title = lesson.title.get(language)
    writer.setTitle(title)
    writer.setCreator("LossLab")
    total = len(lesson.steps) + 1
    figures = [step_figure(step) for step in lesson.steps]
    painter = QPainter()
    if not painter.begin(writer):
        raise WriteError("could not start the PDF writer")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        pages = _Pages(writer, painter, handout_font(language), f"LossLab · {title}")
        for step, figure in zip(lesson.steps, figures, strict=True):
            pages.new_page()
            panel_title = tr(panel_entry(step.panel).title, "panels")
            heading = tr("Step {k} of {n}", "lessons").format(k=step.number, n=len(lesson.steps))
            if step.title:
                heading += ": " + step.title.get(language)
            head = pages.document(
                f"<p style='color:#555555'>{html.escape(title)} · {html.escape(panel_title)}</p>"
                f"<h2>{html.escape(heading)}</h2>")
            below_head = head.size().height() + pages.gap + pages.footer_height() + pages.gap
            body = pages.fitted(paragraphs(step.text.get(language))
                                + _question_html(step, language),
                                pages.height * (1 - MIN_FIGURE_SHARE) - below_head)
            y = pages.draw(head, 0.0) + pages.gap
            room = pages.height - y - body.size().height() - pages.footer_height() - pages.gap
            aspect = figure.height() / max(1, figure.width())
            fig_w = min(pages.width, room / aspect) if room > 0 else pages.width * 0.5
            fig_h = fig_w * aspect
            x = (pages.width - fig_w) / 2
            painter.drawImage(QRectF(x, y, fig_w, fig_h), figure)
            painter.setPen(QColor("#BBBBBB"))
            painter.drawRect(QRectF(x, y, fig_w, fig_h))
            y += fig_h + pages.gap
            pages.draw(body, y)
            pages.finish_page(total)
        pages.new_page()
        pages.draw(pages.fitted(_answers_html(lesson, language),
                                pages.height - pages.footer_height()), 0.0)
        pages.finish_page(total)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data()), total


def write_handout(lesson: Lesson, path: str | os.PathLike[str], language: str,
                  restore_language: str = "en") -> int:
    """Write ``lesson``'s handout in ``language`` ("en" or "zh_CN") to ``path`` atomically;
    returns the number of pages.  The app's catalogue is switched to ``language`` while the
    figures are drawn and back to ``restore_language`` (the UI's choice) afterwards."""
    if language not in ("en", "zh_CN"):
        raise ValueError(f"language {language!r}; allowed: en, zh_CN")
    with _language(language, restore_language), _print_theme():
        data, pages = handout_bytes(lesson, language)
    atomic_write_bytes(path, data)
    return pages

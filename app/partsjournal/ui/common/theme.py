"""Look and feel: the role palette used everywhere, light/dark/system palettes, and the tokens.

Role colours are mid-tone so the same hue reads on light and dark backgrounds; text drawn on them
picks black or white by contrast. Nothing else hard-codes a colour: widgets use the palette.

Tokens, so every room has the same rhythm instead of a dozen nearby numbers:

- **Spacing** (``SPACE_*``, pixels) is a 4-pixel grid: 4 between a label and what it names, 8
  between the rows of a group, 12 around a panel's content, 16 between groups, 24 and 32 around
  a page or an empty state. 4 is the smallest gap the eye reads as deliberate at 96 dpi, and
  steps of 4 land on whole device pixels at 1x, 1.25x, 1.5x and 2x scaling. ``SPACE_XXS`` (2) is
  only for the hairline between the rows of a list. Layouts use these or 0, never a bare number
  (tests/gui/common/test_tokens.py).
- **Type** (``TYPE_SCALE``, factors of the application font): body 1, small 0.9 (dates, hints;
  not smaller, so it stays readable at the default 9-10 pt), title 1.15 (a panel's name),
  heading 1.3 (a page's name), display 1.6 (the one line of an empty state). About a major
  third between steps: distinct at a glance, never shouting. Relative to the app font, so a
  person's larger system font scales everything alike; :func:`scaled_font` makes them.
- **Radii** (``RADIUS_*``): 4 for small things (chips, check boxes), 6 for controls (buttons,
  inputs, combo boxes), 10 for cards and panels: rounded enough to feel soft, not so much that
  a button looks like a pill or a field loses its edge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyle, QStyleOption

    from partsjournal.domain.model import Role

SPACE_XXS = 2
SPACE_XS = 4
SPACE_S = 8
SPACE_M = 12
SPACE_L = 16
SPACE_XL = 24
SPACE_XXL = 32

RADIUS_S = 4
RADIUS_M = 6
RADIUS_L = 10

#: step -> factor of the application font's point size
TYPE_SCALE: dict[str, float] = {
    "small": 0.9,
    "body": 1.0,
    "title": 1.15,
    "heading": 1.3,
    "display": 1.6,
}
_BOLD_STEPS = ("title", "heading")


def scaled_font(widget_or_font: QWidget | QFont, step: str, *, bold: bool | None = None) -> QFont:
    """The font of ``widget_or_font`` at type ``step`` (``TYPE_SCALE``'s names).

    Titles and headings are bold unless ``bold`` says otherwise; the other steps keep the
    weight they had unless ``bold`` is given.
    """
    factor = TYPE_SCALE[step]
    if bold is None and step in _BOLD_STEPS:
        bold = True
    font = QFont(widget_or_font.font() if isinstance(widget_or_font, QWidget) else widget_or_font)
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    else:  # a font set in pixels
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    if bold is not None:
        font.setWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
    return font

# Keyed by the roles' values: Role is a StrEnum, so ROLE_COLORS[Role.EXILE] works, and the unlock
# window does not have to load the domain model first.
ROLE_COLORS: dict[str, str] = {
    "manager": "#4f86c6",      # steady blue: planning, controlling
    "firefighter": "#e07a3f",  # warm orange: urgent, reactive
    "exile": "#9b6fc4",        # soft violet: tender, hidden
    "unknown": "#8a8f98",      # grey: not known yet
}
#: Self-energy's colour in Insights: a calm teal, unlike every role colour, so a Self line is
#: never read as a manager (it was drawn in the manager's blue). 3:1 and more on the inputs'
#: background in light and dark (WCAG's contrast for graphics).
SELF_COLOR = "#2f9e8f"


def role_color(role: Role, custom: str = "") -> QColor:
    """A part's own colour if it has one, else its role's."""
    return QColor(custom) if custom else QColor(ROLE_COLORS[role])


def text_on(color: QColor) -> QColor:
    """Near-black or white, whichever has the higher contrast on ``color`` (WCAG's ratio).

    On the mid-tone role colours that is near-black (5:1 and more), where white would give
    only 3–3.8:1.
    """
    dark, light = QColor("#111111"), QColor("#ffffff")
    return dark if contrast_ratio(dark, color) >= contrast_ratio(light, color) else light


def _luminance(color: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours, 1 to 21 (4.5 is AA for body text)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


_system_style: str | None = None
_system_palette: QPalette | None = None


def apply_theme(app: QApplication, theme: str) -> None:
    """``system`` keeps the platform's style and palette; ``light``/``dark`` use Fusion."""
    global _system_style, _system_palette
    if _system_style is None:
        if theme not in ("dark", "light"):
            # The platform's look is already in place. Not even asking for its style keeps the
            # first window fast (QStyle's Python type alone costs ~15 ms to create).
            return
        _system_style = app.style().name()  # remembered before the first switch away
        _system_palette = QPalette(app.palette())
    if theme == "dark":
        app.setStyle(calm_fusion())
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setStyle(calm_fusion())
        app.setPalette(light_palette())
    else:
        app.setStyle(QStyleFactory.create(_system_style))
        app.setPalette(_system_palette or QGuiApplication.palette())


def light_palette() -> QPalette:
    """A calm light palette (Fusion's, with a softer window colour)."""
    palette = QStyleFactory.create("Fusion").standardPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f2ef"))
    # White selected text on it reads at 5.2:1 (tests/gui/common/test_palette_contrast.py).
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3b6fae"))
    _set_disabled_text(palette, QColor(DISABLED_TEXT["light"]))
    return palette


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for long reading and writing."""
    p = QPalette()
    # Inputs are lighter than the window (as in Adwaita dark), so Fusion's frames — drawn a
    # shade darker than the window — stay visible around them.
    window, base, text = QColor("#26282c"), QColor("#33363b"), QColor("#e8e6e3")
    disabled = QColor(DISABLED_TEXT["dark"])
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#393c42"))
    p.setColor(QPalette.ColorRole.ToolTipBase, window)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#a9acb2"))  # 5.3:1 on the inputs
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor("#3a3d43"))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.BrightText, QColor("#ff6b6b"))
    p.setColor(QPalette.ColorRole.Light, QColor("#4a4d54"))
    p.setColor(QPalette.ColorRole.Midlight, QColor("#42454b"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#2e3035"))
    p.setColor(QPalette.ColorRole.Dark, QColor("#151618"))
    p.setColor(QPalette.ColorRole.Shadow, QColor("#000000"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#3d74b5"))  # white on it: 4.8:1
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Link, QColor("#8ab4f8"))
    p.setColor(QPalette.ColorRole.LinkVisited, QColor("#c58af9"))
    _set_disabled_text(p, disabled)
    return p


#: Disabled text: at least 3:1 on the button and the window, so a person can still read what
#: they could do, yet well under the 4.5:1 (and the 8-18:1 of enabled text) that reads as "on".
DISABLED_TEXT = {"light": "#7b7d80", "dark": "#909399"}


def _set_disabled_text(palette: QPalette, colour: QColor) -> None:
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, colour)


def muted(palette: QPalette) -> QColor:
    """Secondary text: between the text and the background."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor((text.red() * 3 + base.red() * 2) // 5,
                  (text.green() * 3 + base.green() * 2) // 5,
                  (text.blue() * 3 + base.blue() * 2) // 5)


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """``base`` moved ``amount`` of the way toward ``tint``."""
    return QColor(round(base.red() + (tint.red() - base.red()) * amount),
                  round(base.green() + (tint.green() - base.green()) * amount),
                  round(base.blue() + (tint.blue() - base.blue()) * amount))


def calm_fusion() -> QStyle:
    """Fusion, calmer: outlined indicators people can see, and softly rounded, flat controls.

    Fusion outlines radio buttons and check boxes a shade darker than the window, which all but
    vanishes on a dark window (issue 12: "radio buttons nearly invisible"). The outline is drawn
    over Fusion's in the muted text colour, at least 3:1 against the window in both palettes
    (WCAG's contrast for controls; tests/gui/common/test_theme.py measures it).

    Push buttons (and the button face of non-editable combo boxes, which Fusion draws with the
    same primitive), text fields and group boxes are drawn flat with ``RADIUS_M`` corners
    (``RADIUS_L`` for group boxes) instead of Fusion's 2-pixel gradient boxes, in the palette's
    own colours, so light and dark need no style sheet (a style sheet would fight the palette).
    Keyboard focus and the default button keep a clear highlight-coloured outline.
    """
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOptionComplex, QStyleOptionSpinBox

    element_type = QStyle.PrimitiveElement

    class CalmFusion(QProxyStyle):
        def drawPrimitive(self, element: QStyle.PrimitiveElement,  # noqa: N802 - Qt's name
                          option: QStyleOption, painter: QPainter,
                          widget: QWidget | None = None) -> None:
            if element is element_type.PE_PanelButtonCommand:
                _draw_button(option, painter)
                return
            if element is element_type.PE_FrameLineEdit:
                _draw_field_frame(option, painter)
                return
            if element is element_type.PE_PanelLineEdit and _line_edit_frame(option):
                _draw_field(option, painter)
                return
            if element is element_type.PE_FrameGroupBox:
                _draw_group_frame(option, painter)
                return
            super().drawPrimitive(element, option, painter, widget)
            if element in (element_type.PE_IndicatorRadioButton,
                           element_type.PE_IndicatorCheckBox):
                _draw_indicator_outline(element is element_type.PE_IndicatorRadioButton,
                                        option, painter)

        def drawComplexControl(self, control: QStyle.ComplexControl,  # noqa: N802 - Qt's name
                               option: QStyleOptionComplex, painter: QPainter,
                               widget: QWidget | None = None) -> None:
            if control is QStyle.ComplexControl.CC_SpinBox and isinstance(
                    option, QStyleOptionSpinBox) and option.frame:
                # A spin box (and a date field) as a rounded field, with Fusion's arrows.
                _draw_field(option, painter)
                inner = QStyleOptionSpinBox(option)
                inner.frame = False
                super().drawComplexControl(control, inner, painter, widget)
                return
            super().drawComplexControl(control, option, painter, widget)

        def sizeFromContents(self, kind: QStyle.ContentsType,  # noqa: N802 - Qt's name
                             option: QStyleOption, size: QSize,
                             widget: QWidget | None = None) -> QSize:
            result = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
            if kind in _ROOMIER:
                # A little more air than Fusion's tight boxes: calm, and easier to hit.
                wider = SPACE_S if kind is QStyle.ContentsType.CT_PushButton else 0
                result = result + QSize(wider, SPACE_XS)
            return result

    _ROOMIER = (QStyle.ContentsType.CT_PushButton, QStyle.ContentsType.CT_ComboBox,
                QStyle.ContentsType.CT_LineEdit, QStyle.ContentsType.CT_SpinBox)
    return CalmFusion(QStyleFactory.create("Fusion"))


def _line_edit_frame(option: QStyleOption) -> bool:
    from PySide6.QtWidgets import QStyleOptionFrame

    return not isinstance(option, QStyleOptionFrame) or option.lineWidth > 0


def _outline(palette: QPalette) -> QColor:
    """A control's edge: about 3:1 on the window in both palettes."""
    return blend(palette.color(QPalette.ColorRole.Button),
                 palette.color(QPalette.ColorRole.WindowText), 0.35)


def _draw_button(option: QStyleOption, painter: QPainter) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    palette, state = option.palette, option.state
    face = palette.color(QPalette.ColorRole.Button)
    text = palette.color(QPalette.ColorRole.ButtonText)
    enabled = bool(state & QStyle.StateFlag.State_Enabled)
    if enabled and state & (QStyle.StateFlag.State_Sunken | QStyle.StateFlag.State_On):
        face = blend(face, text, 0.16)
    elif enabled and state & QStyle.StateFlag.State_MouseOver:
        face = blend(face, text, 0.07)
    default = isinstance(option, QStyleOptionButton) and \
        bool(option.features & QStyleOptionButton.ButtonFeature.DefaultButton)
    edge = palette.color(QPalette.ColorRole.Highlight) if enabled and (
        default or state & QStyle.StateFlag.State_HasFocus) else _outline(palette)
    _rounded(painter, QRectF(option.rect), face, edge, 1.5 if edge != _outline(palette) else 1.0,
             RADIUS_M)


def _draw_field(option: QStyleOption, painter: QPainter) -> None:
    from PySide6.QtCore import QRectF

    _rounded(painter, QRectF(option.rect), option.palette.color(QPalette.ColorRole.Base),
             None, 1.0, RADIUS_M)
    _draw_field_frame(option, painter)


def _draw_field_frame(option: QStyleOption, painter: QPainter) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtWidgets import QStyle

    focus = bool(option.state & QStyle.StateFlag.State_HasFocus)
    edge = option.palette.color(QPalette.ColorRole.Highlight) if focus else \
        _outline(option.palette)
    _rounded(painter, QRectF(option.rect), None, edge, 1.5 if focus else 1.0, RADIUS_M)


def _draw_group_frame(option: QStyleOption, painter: QPainter) -> None:
    from PySide6.QtCore import QRectF

    palette = option.palette
    edge = blend(palette.color(QPalette.ColorRole.Window),
                 palette.color(QPalette.ColorRole.WindowText), 0.22)
    _rounded(painter, QRectF(option.rect), None, edge, 1.0, RADIUS_L)


def _rounded(painter: QPainter, rect: QRectF, fill: QColor | None, edge: QColor | None,
             width: float, radius: float) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter, QPen

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(edge, width) if edge is not None else Qt.PenStyle.NoPen)
    painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
    inset = max(width, 1.0) / 2
    painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), radius, radius)
    painter.restore()


def _draw_indicator_outline(radio: bool, option: QStyleOption, painter: QPainter) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QPainter, QPen

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(muted(option.palette), 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    box = QRectF(option.rect).adjusted(1.0, 1.0, -1.0, -1.0)
    side = min(box.width(), box.height())
    box = QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side)
    if radio:
        painter.drawEllipse(box)
    else:
        painter.drawRoundedRect(box, 2.0, 2.0)
    painter.restore()

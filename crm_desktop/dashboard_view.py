"""The dashboard: calls per day (answered and not), calls by agent, the top tags and
the open tasks of this week, drawn with Qt Charts from the same database and
redrawn when it changes (the main window calls ``refresh()`` from its poller)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared.dashboard import Dashboard
from shared.timeutil import utc_now

from .context import DesktopContext
from .i18n import translate
from .style import ACCENT, is_dark, themed
from .widgets import LoadsOnFirstShow, heading

ANSWERED = "#16a34a"
UNANSWERED = "#f59e0b"
SCHEDULED = ACCENT
UNSCHEDULED = "#93c5fd"
TAG = "#7c3aed"


def _bar_set(label: str, values: Sequence[int], color: str) -> QBarSet:
    s = QBarSet(label)
    s.append([float(v) for v in values])
    s.setColor(QColor(themed(color)))
    s.setBorderColor(QColor(themed(color)))
    return s


class Tile(QFrame):
    """A number with a caption: "Calls, 30 days · 412"."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(themed("QFrame#tile { background: #ffffff; border: 1px solid #e3e6ea;"
                           " border-radius: 8px; }"))
        self.value = QLabel("–")
        self.value.setStyleSheet(themed("font-size: 24px; font-weight: 700; color: #111827;"
                                 " border: none;"))
        self.caption = QLabel(caption)
        self.caption.setStyleSheet(themed("color: #6b7280; font-size: 11px; font-weight: 600;"
                                   " border: none;"))
        self.detail = QLabel()
        self.detail.setStyleSheet(themed("color: #6b7280; font-size: 11px; border: none;"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)


class ChartPanel(QChartView):
    """A chart with a title, no animation (live updates must not dance), antialiased."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        if is_dark():
            # The charts draw themselves; their dark theme matches the dark palette.
            chart.setTheme(QChart.ChartTheme.ChartThemeDark)
            chart.setBackgroundBrush(QColor(themed("#ffffff")))
        chart.setTitle(title)
        font = QFont()
        font.setPointSize(10)
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(8)
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(230)
        self.empty = QLabel(translate("dashboard_view", "Nothing yet"), self)
        self.empty.setStyleSheet(themed("color: #9ca3af;"))
        self.empty.hide()

    def clear(self) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)

    def show_empty(self, empty: bool) -> None:
        self.empty.setVisible(empty)
        self.empty.adjustSize()
        self.empty.move((self.width() - self.empty.width()) // 2, self.height() // 2)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.show_empty(self.empty.isVisible())

    def values(self) -> dict[str, list[float]]:
        """Each bar set's values by its label (for tests and the tooltips)."""
        out: dict[str, list[float]] = {}
        for series in self.chart().series():
            for s in series.barSets():  # type: ignore[attr-defined]
                out[s.label()] = [s.at(i) for i in range(s.count())]
        return out

    def categories(self) -> list[str]:
        for axis in self.chart().axes():
            if isinstance(axis, QBarCategoryAxis):
                return list(axis.categories())
        return []


class DashboardView(LoadsOnFirstShow, QWidget):
    """Figures of the last 30 days and this week, for looking rather than reading."""

    open_contact = Signal(str, str)
    notice = Signal(str)

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None, *,
                 now: Callable[[], datetime] = utc_now, tz: tzinfo | None = None,
                 days: int = 30) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now
        self.tz = tz
        self.days = days
        self.data: Dashboard | None = None
        self._key: object = None

        self.calls_tile = Tile(
            translate("dashboard_view", "CALLS, LAST {days} DAYS").format(days=days)
        )
        self.answered_tile = Tile(translate("dashboard_view", "ANSWERED"))
        self.week_tile = Tile(translate("dashboard_view", "OPEN TASKS THIS WEEK"))
        self.overdue_tile = Tile(translate("dashboard_view", "OVERDUE TASKS"))
        self.per_day = ChartPanel(
            translate("dashboard_view", "Calls per day, last {days} days").format(days=days)
        )
        self.by_agent = ChartPanel(translate("dashboard_view", "Calls by agent"))
        self.tags = ChartPanel(translate("dashboard_view", "Top tags"))
        self.week = ChartPanel(translate("dashboard_view", "Open tasks due this week"))
        self.updated = QLabel()
        self.updated.setObjectName("muted")
        refresh = QPushButton(translate("dashboard_view", "Refresh"))
        refresh.clicked.connect(self.refresh)

        head = QHBoxLayout()
        head.addWidget(heading(translate("dashboard_view", "Dashboard")))
        head.addStretch(1)
        head.addWidget(self.updated)
        head.addWidget(refresh)
        tiles = QHBoxLayout()
        for t in (self.calls_tile, self.answered_tile, self.week_tile, self.overdue_tile):
            tiles.addWidget(t)
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.per_day, 0, 0, 1, 2)
        grid.addWidget(self.by_agent, 1, 0)
        grid.addWidget(self.tags, 1, 1)
        grid.addWidget(self.week, 2, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 8)
        layout.addLayout(head)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)

    def refresh(self) -> None:
        """Read the figures again; redraw only when they changed."""
        if not self._loaded:
            return
        data = self.ctx.store.dashboard(self.now(), self.tz, self.days)
        self.updated.setText(
            translate("dashboard_view", "Updated {v0}").format(
                v0=datetime.now().strftime("%H:%M:%S")
            )
        )
        key = (data.days, data.agents, data.tags, data.week, data.overdue_tasks)
        if key == self._key:
            return
        self._key = key
        self.data = data
        self._tiles(data)
        self._draw_days(data)
        self._draw_agents(data)
        self._draw_tags(data)
        self._draw_week(data)

    # -- drawing ------------------------------------------------------------

    def _tiles(self, d: Dashboard) -> None:
        today = d.days[-1] if d.days else None
        self.calls_tile.set(f"{d.calls:,}", translate("dashboard_view", "today {n}").format(
            n=today.total) if today else "")
        rate = f"{100 * d.answered / d.calls:.0f} %" if d.calls else "–"
        self.answered_tile.set(rate, translate("dashboard_view", "{answered:,} of {calls:,} calls")
                               .format(answered=d.answered, calls=d.calls))
        scheduled = sum(x.scheduled for x in d.week)
        self.week_tile.set(f"{d.open_tasks_this_week:,}", translate(
            "dashboard_view", "{n} scheduled callbacks").format(n=scheduled))
        self.overdue_tile.set(f"{d.overdue_tasks:,}",
                              translate("dashboard_view", "open past their time"))
        self.overdue_tile.value.setStyleSheet(themed(
            "font-size: 24px; font-weight: 700; border: none; color: "
            + ("#b91c1c;" if d.overdue_tasks else "#111827;")))

    @staticmethod
    def _value_axis(maximum: float) -> QValueAxis:
        axis = QValueAxis()
        axis.setLabelFormat("%d")
        # Some room above the highest bar, whole numbers on the ticks.
        top = max(4, math.ceil(maximum * 1.15))
        axis.setRange(0, top)
        axis.setTickCount(5)
        axis.applyNiceNumbers()
        if axis.max() <= maximum:
            axis.setMax(axis.max() + (axis.max() - axis.min()) / (axis.tickCount() - 1))
            axis.setTickCount(axis.tickCount() + 1)
        axis.setGridLineColor(QColor(themed("#eef0f3")))
        return axis

    def _bars(self, panel: ChartPanel, series, categories: list[str],  # type: ignore[no-untyped-def]
              horizontal: bool, maximum: float) -> None:
        panel.clear()
        chart = panel.chart()
        chart.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append(categories)
        cats.setGridLineVisible(False)
        cats.setTruncateLabels(False)  # agent and tag names in full
        values = self._value_axis(maximum)
        if horizontal:
            chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(cats)
        series.attachAxis(values)
        panel.show_empty(maximum == 0)

    def _draw_days(self, d: Dashboard) -> None:
        series = QStackedBarSeries()
        series.setBarWidth(0.7)
        series.append(
            _bar_set(
                translate("dashboard_view", "Answered"), [x.answered for x in d.days], ANSWERED
            )
        )
        series.append(
            _bar_set(
                translate("dashboard_view", "Unanswered"),
                [x.unanswered for x in d.days],
                UNANSWERED,
            )
        )
        # The day of the month under each bar; the months are in the title.
        labels = [x.day.strftime("%d") for x in d.days]
        if d.days:
            self.per_day.chart().setTitle(
                translate("dashboard_view", "Calls per day, {day:%d %b} – {day_:%d %b}").format(
                    day=d.days[0].day, day_=d.days[-1].day
                )
            )
        series.hovered.connect(lambda state, i, _s=None: self._hover_day(state, i))
        self._bars(self.per_day, series, labels, False,
                   max([x.total for x in d.days], default=0))

    def _hover_day(self, state: bool, index: int) -> None:
        if state and self.data and 0 <= index < len(self.data.days):
            x = self.data.days[index]
            self.per_day.setToolTip(
                translate(
                    "dashboard_view", "{day:%a %d %b}: {answered} answered, {unanswered} unanswered"
                ).format(day=x.day, answered=x.answered, unanswered=x.unanswered)
            )

    def _draw_agents(self, d: Dashboard) -> None:
        agents = list(reversed(d.agents))  # the busiest on top
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.65)
        series.append(
            _bar_set(
                translate("dashboard_view", "Answered"), [a.answered for a in agents], ANSWERED
            )
        )
        series.append(
            _bar_set(
                translate("dashboard_view", "Unanswered"),
                [a.unanswered for a in agents],
                UNANSWERED,
            )
        )
        self._bars(self.by_agent, series, [a.agent for a in agents], True,
                   max([a.total for a in agents], default=0))

    def _draw_tags(self, d: Dashboard) -> None:
        tags = list(reversed(d.tags))
        series = QHorizontalBarSeries()
        series.setBarWidth(0.65)
        series.setLabelsVisible(True)
        series.append(_bar_set(translate("dashboard_view", "Calls"), [t.count for t in tags], TAG))
        self._bars(self.tags, series, [t.label for t in tags], True,
                   max([t.count for t in tags], default=0))
        self.tags.chart().legend().hide()

    def _draw_week(self, d: Dashboard) -> None:
        series = QStackedBarSeries()
        series.setBarWidth(0.55)
        series.append(
            _bar_set(
                translate("dashboard_view", "Scheduled callbacks"),
                [x.scheduled for x in d.week],
                SCHEDULED,
            )
        )
        series.append(
            _bar_set(
                translate("dashboard_view", "Dialer tasks"),
                [x.unscheduled for x in d.week],
                UNSCHEDULED,
            )
        )
        # Day names as the language says them (QLocale; the format is the translator's).
        day_format = translate("dashboard_view", "ddd dd MMM")
        days = [QLocale().toString(QDate(x.day.year, x.day.month, x.day.day), day_format)
                for x in d.week]
        self._bars(self.week, series, days, False, max([x.total for x in d.week], default=0))

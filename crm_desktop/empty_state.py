"""What an empty list shows instead of a blank table: what to do next, as buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .i18n import noun, translate


class EmptyState(QFrame):
    """"No companies yet" with New …, Import CSV… and Load demo data buttons.

    ``set_demo_offered`` hides the demo button: the demo only goes into an empty
    database, so it is offered only while there are no contacts at all.
    """

    new_requested = Signal()
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, word: str, plural: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        title = QLabel(translate("empty_state", "No {plural} yet").format(plural=noun(plural)))
        title.setObjectName("emptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(translate(
            "empty_state", "Add the first {noun} by hand, import your contacts from a CSV file"
            " (Excel and Outlook exports work), or load the demo data to look around.").format(
                noun=noun(word)))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setObjectName("muted")
        # A fixed width, and the height that width needs: a centred item in a box layout
        # does not ask a wrapped label for its height, which cut the text off.
        text.setFixedWidth(420)
        text.setMinimumHeight(text.heightForWidth(420))
        self.new_button = QPushButton(
            translate("empty_state", "New {noun}").format(noun=noun(word))
        )
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_requested)
        self.import_button = QPushButton(translate("empty_state", "Import CSV…"))
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button = QPushButton(translate("empty_state", "Load demo data"))
        self.demo_button.setToolTip(
            translate(
                "empty_state",
                "32 companies with their people, three campaigns, tasks and a month of calls",
            )
        )
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.new_button, self.import_button, self.demo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addStretch(3)

    def set_demo_offered(self, offered: bool) -> None:
        """Show the demo button only while the database has no contacts."""
        self.demo_button.setVisible(offered)

"""The admin home as a list of what needs doing: each app adds its panels from a
`construct_homepage_panels` hook, each only for the roles that act on it (README "Staff
roles"). A panel is a title, lines of text (each with a link and a count) and a text for when
there is nothing to do."""

from dataclasses import dataclass, field

from wagtail.admin.ui.components import Component


@dataclass
class Line:
    text: str
    url: str = ""
    count: int | None = None
    note: str = ""  # a status or a warning after the text


@dataclass
class TaskPanel(Component):
    name: str
    title: str
    lines: list[Line] = field(default_factory=list)
    empty: str = ""
    order: int = 100
    template_name = "core/admin/task_panel.html"

    def get_context_data(self, parent_context=None):
        return {"panel": self}

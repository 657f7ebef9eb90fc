"""What a language's build hands back to the site's build: one typed object.

Each language's pages add to the build's `LanguageOutcome` as they are built. A language
built in a process of its own (workers.py) returns its whole outcome; the main build
merges them in the order of the languages. A new piece of cross-language data is a new
field here, merged by `merge` — nothing else to register, in either way of building.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from pasapas.model.problems import Problem


@dataclass
class LanguageOutcome:
    #: The search index's documents, from every page (hooks.search_documents).
    search_documents: list[dict] = field(default_factory=list)
    #: Content outside the allow-list: reported together at the end of the build, which
    #: then fails (the pages themselves were sanitised). Each problem once: a French-only
    #: page is built under every language.
    content_problems: list[Problem] = field(default_factory=list)
    #: The languages whose pages are finished (finish.py) already, by the build that built them.
    pages_finished: list[str] = field(default_factory=list)
    #: The theme's icons the finished pages draw from the stylesheet: (class, drawing) pairs.
    theme_icons: list[tuple[str, str]] = field(default_factory=list)
    #: The theme's search entries of this language (static-i18n merges them into one index).
    theme_search_entries: list = field(default_factory=list)
    #: This language's sitemap, as the engine wrote it, and its gzip copy's time.
    sitemaps: list[tuple[str, int]] = field(default_factory=list)
    #: This language's lessons, as entries of /catalogue.json (pasapas/model/catalogue.py).
    catalogue_entries: list[dict] = field(default_factory=list)

    def add_problem(self, problem: Problem) -> None:
        if problem not in self.content_problems:
            self.content_problems.append(problem)

    def merge(self, other: LanguageOutcome) -> None:
        """Add what another language's build collected, after what this one holds."""
        for problem in other.content_problems:
            self.add_problem(problem)
        for each in fields(self):
            if each.name != "content_problems":
                getattr(self, each.name).extend(getattr(other, each.name))

"""Who reads what visitors searched for, and who tunes search. The queries are what people
typed, sometimes a name or an account number, so only the editors who act on them read them:
disclosure editors write the missing pages, moderators also keep synonyms, customer tasks and
promoted results, which change public results without an approval. Registered in
SearchConfig.ready() (core/staff.py)."""

from core.staff import DISCLOSURE_EDITORS, MODERATORS

VIEW_QUERIES = "search.view_querystat"

_TUNING = [
    (app, f"{action}_{model}")
    for app, model in (
        ("search", "synonymgroup"),
        ("search", "customertask"),
        ("wagtailsearchpromotions", "searchpromotion"),
    )
    for action in ("add", "change", "delete", "view")
]

GROUPS = {
    DISCLOSURE_EDITORS: [("search", "view_querystat")],
    MODERATORS: [("search", "view_querystat"), *_TUNING],
}

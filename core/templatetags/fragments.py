"""`{% fragment "name" [layout] [shared] %}…{% endfragment %}`: see core/fragment_cache.py."""

from django import template

from core import fragment_cache

register = template.Library()

OPTIONS = {"layout", "shared"}


class FragmentNode(template.Node):
    def __init__(self, name: str, options: set[str], nodelist: template.NodeList) -> None:
        self.name = name
        self.options = options
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        return fragment_cache.render(
            request,
            self.name,
            lambda: self.nodelist.render(context),
            layout="layout" in self.options,
            shared="shared" in self.options,
        )


@register.tag
def fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or not set(bits[2:]) <= OPTIONS:
        raise template.TemplateSyntaxError(
            '{% fragment "name" [layout] [shared] %} takes a quoted name and those options'
        )
    if "shared" in bits[2:] and "layout" not in bits[2:]:
        raise template.TemplateSyntaxError("a shared fragment shows the layout only: add layout")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(bits[1][1:-1], set(bits[2:]), nodelist)

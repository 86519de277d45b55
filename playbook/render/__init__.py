"""Stage 4, render: the one text presenter, the Jinja templates, the generated pages and the JSON export."""

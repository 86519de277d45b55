"""The Influence Playbook's site generator: YAML entries in data/ become the pages of a MkDocs site.

The pipeline (`pipeline.py`) reads top to bottom, one stage per package:

    load      data/<kind>/<id>.yml -> YAML documents with the line of every value   (load/)
    schema    documents -> validated, typed records; every problem collected        (schema/)
    index     records -> the Playbook: references resolved, backlinks, redirects   (index/)
    render    the Playbook -> generated pages, the export                           (render/)

Beside the stages: `contract/` (the kinds registry, the models, names and URLs: what every stage reads),
`tools/` (the data the interactive tools need), `quality/` (the content bar), `adapter/` (the MkDocs plugin:
the only code that imports MkDocs) and `cli.py` (the `playbook` command).
"""

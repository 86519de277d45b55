"""The MkDocs adapter: the `playbook` plugin, the only code that imports MkDocs."""

"""Stage 3, index: the Playbook, every entry with its references resolved, backlinks and redirects."""

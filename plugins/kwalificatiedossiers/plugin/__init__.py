"""The MkDocs plugin: thin hooks that hand the core's pages to MkDocs."""

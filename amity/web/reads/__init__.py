"""The web's reads of the registry: by id, with the ids and evidence offsets pages link with.

`amity.registry`'s read API answers by name (for the command line); these
answer by id and keep every id, article and sentence span a page needs to
link an entity, a tie or a fact to the exact place in the article it was
read from. They reuse the registry's own summaries (`describe_ties`,
`entities_named`, `with_relatives`), so the web and the CLI agree.
"""

"""Amity's shared vocabulary: the words every stage agrees on."""

"""Entities: people, organisations and places, recognised and resolved within a document."""

from __future__ import annotations

from maktub.entities.recognise import entities_within, recognise_entities

__all__ = ["entities_within", "recognise_entities"]

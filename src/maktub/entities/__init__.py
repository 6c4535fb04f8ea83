"""Entities: people, organisations and places, recognised and resolved within a document."""

from __future__ import annotations

from maktub.entities.recognise import recognise_entities

__all__ = ["recognise_entities"]

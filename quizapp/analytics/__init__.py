"""Figures for learners and teachers computed from plain rows: no Flask, no database."""

"""Size limits of what a teacher page handles in one request, measured to finish well inside the timeout.

gunicorn stops a worker after 60 s (docs/deployment.md). `benchmarks/input_limits.py` measured on the
2-core development machine under load (load average 9): a new deck from a 50 KB article in 14 s (383
items), a whole-file save of a 500 KB bank (924 items) in 15 s; 250 KB articles took 99 s and 1 MB banks
about 30 s. The limits leave a margin of four for slower machines and busy moments.
"""

ARTICLE_MAX_BYTES = 50_000  # an article in seeds/: the new-deck form, `generate`, the checks that read it
BANK_MAX_BYTES = 500_000  # a bank file in the deck editor

"""gunicorn settings for quizapp (docs/deployment.md): threaded workers, so slow clients cannot stall it.

    gunicorn -c deploy/gunicorn.conf.py 'quizapp:create_app()'

A sync worker serves one connection at a time: a client that sends its request or reads the answer slowly
(a phone on a weak school Wi-Fi, or someone on purpose) holds that worker until the timeout, and as many such
clients as workers stall the site. A gthread worker reads each request in one of its threads, so it takes
workers x threads slow clients at once to do the same (tests/production/test_slow_clients.py). Command-line
options override these values (e.g. --workers 8).
"""

import multiprocessing

bind = "127.0.0.1:8000"  # the proxy in front forwards here
workers = 2 * multiprocessing.cpu_count()
worker_class = "gthread"
threads = 8  # per worker; SQLAlchemy's pool holds 5 + 10 overflow connections per worker, enough for 8
timeout = 60
graceful_timeout = 20
keepalive = 5  # seconds an idle keep-alive connection is kept (it waits in the poller, not in a thread)


def post_worker_init(worker):
    """Ready the worker before its first request: load the answer marker's language tables (so no student's
    first typed answer waits 0.5-2 s for them; quizapp.checking.warm_up), then freeze what start-up made
    (modules, the app, lexicons, those tables) out of the garbage collector's sight.

    A full collection walks every tracked object; with the app loaded that is a few hundred thousand, and
    at 4 million attempts about every 11th item-analysis request paid 120-150 ms for such a pass (issue 17).
    Frozen objects are never freed nor walked again, so the passes cover only what requests create.
    """
    import gc

    from quizapp.checking import warm_up

    warm_up()
    gc.collect()
    gc.freeze()
    worker.log.info("quizapp: %d objects frozen out of garbage collection after start-up", gc.get_freeze_count())
